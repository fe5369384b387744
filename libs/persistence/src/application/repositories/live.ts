import type { EntityManager } from 'typeorm';
import type { Cell } from '@rueda/live';
import type { LiveLogRepository, LiveScope, LiveStateRepository } from '@rueda/application';
import { currentLiveSeq, readLive, replayLive } from '../../live/live-log';
import { loadLiveState } from '../../live/live-state';
import { cellNeighbourhood } from '../../live/neighbourhood';

export class TypeOrmLiveStateRepository implements LiveStateRepository {
  constructor(private readonly m: EntityManager) {}
  load(eventId: string, now: Date, opts: { matchCandidates: number }) {
    return loadLiveState(this.m, eventId, now, opts);
  }
  around(eventId: string, cell: Cell, now: Date, opts: { matchCandidates: number }) {
    return cellNeighbourhood(this.m, eventId, cell, now, opts);
  }
}

export class TypeOrmLiveLogRepository implements LiveLogRepository {
  constructor(private readonly m: EntityManager) {}
  async exists(eventId: string) {
    return (await this.m.query(`SELECT 1 FROM events WHERE id = $1`, [eventId])).length > 0;
  }
  current(eventId: string) {
    return currentLiveSeq(this.m, eventId);
  }
  after(eventId: string, after: number) {
    return readLive(this.m, eventId, after);
  }
  page(eventId: string, lastSeq: number | undefined, scope: LiveScope) {
    return replayLive(this.m, eventId, lastSeq, scope);
  }
}
