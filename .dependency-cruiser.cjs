/**
 * Dependency rules (checked in CI by `npm run lint:deps`): business rules live once, in plain
 * TypeScript libraries, and the frameworks stay at the edge.
 */
const DOMAIN_LIBS = 'domain|formats|matching|scheduling|live|reporting|importing|exports|realtime|demo|queues|i18n|notifications';
const PURE_LIBS = `^libs/(${DOMAIN_LIBS}|application)/`;
// Resolved paths of npm packages start with node_modules/ (they are kept in the graph, not followed).
const FRAMEWORKS = '^node_modules/(@nestjs/|typeorm/|pg/|pg-|ioredis/|bullmq/|socket\\.io/|@socket\\.io/|express/|nestjs-pino/|pino/)';

module.exports = {
  forbidden: [
    {
      name: 'pure-libs-no-frameworks',
      comment: 'Domain libraries import no Nest, TypeORM, pg, Redis, BullMQ, socket.io or HTTP framework.',
      severity: 'error',
      from: { path: PURE_LIBS },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'], path: FRAMEWORKS },
    },
    {
      name: 'pure-libs-no-adapters',
      comment: 'Domain libraries never reach into persistence, config or the apps.',
      severity: 'error',
      from: { path: PURE_LIBS },
      to: { path: '^(libs/(persistence|config)|apps)/' },
    },
    {
      name: 'domain-below-application',
      comment: 'Domain libraries hold rules; the application layer (use cases and ports) builds on them, never the reverse.',
      severity: 'error',
      from: { path: `^libs/(${DOMAIN_LIBS})/` },
      to: { path: '^libs/application/' },
    },
    {
      name: 'i18n-standalone',
      comment: 'The formatting toolkit runs in the browser too: no other Rueda lib, no Node built-ins.',
      severity: 'error',
      from: { path: '^libs/i18n/' },
      to: { path: '^libs/(?!i18n/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'i18n-no-node',
      severity: 'error',
      from: { path: '^libs/i18n/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'libs-not-apps',
      comment: 'Apps import libs, never the reverse.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-apart',
      comment: 'One app never imports another (shared code belongs in a lib).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'controllers-no-database',
      comment:
        'Controllers translate HTTP into use cases, queries and services; they never reach the database (DataSource, TypeORM, pg, entities).',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/.*\\.controllers?\\.ts$' },
      to: { path: '^(node_modules/(typeorm|@nestjs/typeorm|pg|pg-[^/]+)/|libs/persistence/)' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make modules impossible to understand (and to load) alone.',
      severity: 'error',
      from: {},
      // TypeORM entities name each other in relations through type-only imports.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
