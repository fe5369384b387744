// Lets a child Node process run the TypeScript sources (a real worker process in a test), with
// the same SWC settings as jest and the @rueda/* path aliases of tsconfig.json.
// Usage: node -r ./test/support/register-ts.js apps/worker/src/main.ts
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const aliases = Object.fromEntries(
  Object.entries(require(join(root, 'tsconfig.json')).compilerOptions.paths).map(([name, [target]]) => [name, join(root, target)]),
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
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
