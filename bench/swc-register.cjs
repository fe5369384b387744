// Runs a TypeScript bench that starts the Nest apps in-process (like the e2e tests):
//   node -r ./bench/swc-register.cjs bench/notifications/run.ts
// tsx (esbuild) emits no decorator metadata, which Nest's injection needs; this compiles .ts
// files with swc exactly as jest.config.js does and resolves the @rueda/* aliases of tsconfig.json.
const Module = require('node:module');
const { resolve } = require('node:path');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '..');
const paths = require(resolve(root, 'tsconfig.json')).compilerOptions.paths;
const aliases = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, resolve(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
