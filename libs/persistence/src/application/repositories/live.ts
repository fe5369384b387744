import type { EntityManager } from 'typeorm';
import type { LiveLogRepository, LiveScope, LiveStateRepository } from '@rueda/application';
import { currentLiveSeq, missedLive } from '../../live/live-log';
import { loadLiveState } from '../../live/live-state';

export class TypeOrmLiveStateRepository implements LiveStateRepository {
  constructor(private readonly m: EntityManager) {}
  load(eventId: string, now: Date, opts: { matchCandidates: number }) {
    return loadLiveState(this.m, eventId, now, opts);
  }
}

export class TypeOrmLiveLogRepository implements LiveLogRepository {
  constructor(private readonly m: EntityManager) {}
  current(eventId: string) {
    return currentLiveSeq(this.m, eventId);
  }
  after(eventId: string, lastSeq: number, scope: LiveScope) {
    return missedLive(this.m, eventId, lastSeq, scope);
  }
}
