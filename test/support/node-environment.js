// Jest's node environment, plus the worker process's warnings for the spec file's sandbox.
// The sandbox gets a copy of `process` with listeners of its own, while Node (util.deprecate,
// as pg uses it) emits warnings on the real one: only the environment sees them. They are kept
// in `globalThis.__ruedaProcessWarnings` of the sandbox (see one-query-at-a-time.ts).
const { TestEnvironment } = require('jest-environment-node');

class RuedaEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const seen = (this.global.__ruedaProcessWarnings = []);
    this.onWarning = (w) => seen.push({ name: w.name, message: w.message, stack: w.stack ?? '' });
  }

  async setup() {
    await super.setup();
    process.on('warning', this.onWarning);
  }

  async teardown() {
    process.off('warning', this.onWarning);
    await super.teardown();
  }
}

module.exports = RuedaEnvironment;
