export * from './entities';
export * from './data-source';
export * from './naming-strategy';
export * from './records/record-mapping';
export * from './records/participant-reference';
export * from './records/write-records';
export * from './records/expire-requests';
