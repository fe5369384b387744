// The list lives with the use cases that apply it (libs/application); routes repeat it in @Allow.
export { ON_BEHALF, onBehalf, type OnBehalfAct } from '@rueda/application';
