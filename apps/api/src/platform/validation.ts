import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '@rueda/domain';

/**
 * Global pipe: `@Body({ schema })`, `@Query({ schema })` and `@Param(name, { schema })`
 * validate with zod through the domain's bilingual messages; every wrong field is named.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata & { schema?: unknown }) {
    const schema = metadata.schema;
    if (!schema || metadata.type === 'custom') return value;
    if (!(schema instanceof z.ZodType)) throw new Error('Rueda validates with zod schemas only');
    return parseInput(schema, value, metadata.type === 'param' && metadata.data ? [metadata.data] : []);
  }
}

const uuid = z.uuid();

/** `@Param('eventId', UuidPipe)`: a malformed id is a 400 naming the parameter, in both languages. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    return parseInput(uuid, value, [metadata.data ?? 'id']);
  }
}
