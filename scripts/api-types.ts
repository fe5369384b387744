/**
 * Writes the web client's types from the API's OpenAPI document, so the web compiles against
 * what the server declares without a running server:
 *   npm run api:types            regenerate apps/web/src/generated/api.d.ts
 *   npm run api:types -- --check fail (exit 1) when the committed file is stale
 * The document is built from the controllers' metadata in Nest's preview mode (no database,
 * Redis or queues are touched). Run with decorator metadata (test/support/register-ts.js).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/platform/openapi';

export const API_TYPES_FILE = join(__dirname, '..', 'apps', 'web', 'src', 'generated', 'api.d.ts');

const HEADER = `// Generated from the API's OpenAPI document by \`npm run api:types\`. Do not edit by hand.\n\n`;

export async function apiTypes(): Promise<string> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  try {
    const doc = buildOpenApiDocument(app);
    const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
  }
}

async function main() {
  const fresh = await apiTypes();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(API_TYPES_FILE, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== fresh) {
      console.error(`${API_TYPES_FILE} is stale: run \`npm run api:types\` and commit the result.`);
      process.exit(1);
    }
    console.log('api types are up to date');
    return;
  }
  writeFileSync(API_TYPES_FILE, fresh);
  console.log(`wrote ${API_TYPES_FILE}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
