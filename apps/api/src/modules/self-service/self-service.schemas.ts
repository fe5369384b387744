// The route bodies are the self-service use cases' commands without the path (libs/application).
export { AvailabilityBody, ProfileUpdate, RegistrationBody, RejectBody } from '@rueda/application';
