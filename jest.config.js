// One jest run covers the pure libs (fast) and the integration/e2e suites under test/.
const paths = require('./tsconfig.json').compilerOptions.paths;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) {
  moduleNameMapper[`^${alias}$`] = `<rootDir>/${target.replace(/^\.\//, '')}`;
}
module.exports = {
  rootDir: '.',
  // Node's test environment, which also hands the process's warnings to the spec files.
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only packages (FormatJS's ICU messages) are compiled to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|intl-messageformat|@formatjs)/)'],
  moduleNameMapper,
  // Two queries at once on one pg connection fail the file (see the file).
  setupFilesAfterEnv: ['<rootDir>/test/support/one-query-at-a-time.ts'],
  testTimeout: 30000,
  // Closed apps leave short pg/ioredis timers behind; they would only delay the exit.
  forceExit: true,
};
