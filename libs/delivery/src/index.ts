/**
 * After-commit delivery, shared by the API nodes and the workers: the transactional outbox's
 * dispatcher and relay (BullMQ) and the feed of committed live messages between processes
 * (Redis). Adapters only: no rule lives here.
 */
export * from './outbox-dispatcher';
export * from './live-feed';
export * from './start-delivery';
