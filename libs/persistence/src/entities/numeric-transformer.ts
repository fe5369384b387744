import { ValueTransformer } from 'typeorm';

/** pg returns numeric as string to avoid precision loss; amounts in USD fit a double. */
export const numericTransformer: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
