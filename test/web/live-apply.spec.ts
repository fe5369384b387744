import type { LiveMessageType, LivePush } from '@rueda/realtime';
import {
  agendaReducer,
  liveAssignments,
  liveDataReducer,
  LiveView,
  proposalsReducer,
  RELOAD,
  type DayMeeting,
  type LiveData,
  type ProposalLists,
} from '../../apps/web/src/live-apply';

/**
 * The web's live reducers (apps/web/src/live-apply.ts): each message type the day's pages
 * receive, applied to a small loaded day: two slots, two tables, four participants.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [S1, S2, T1, T2, GA, GB, CA, CB] = [1, 2, 3, 4, 5, 6, 7, 8].map(id);
const [M1, M2, WAITING, D1, D2] = [11, 12, 13, 21, 22].map(id);

let seq = 0;
const push = <T>(type: LiveMessageType, payload: T, at = '2026-12-04T15:00:00.000Z'): LivePush<T> => {
  seq++;
  return { eventId: id(99), seq, prev: seq - 1, type, at, payload };
};
const meeting = (m: Partial<DayMeeting> & Pick<DayMeeting, 'id'>): DayMeeting => ({
  status: 'scheduled',
  participantAId: GA,
  participantBId: CA,
  slotId: S1,
  tableId: T1,
  version: 1,
  mandatory: false,
  ...m,
});

function day(): LiveData {
  const meetings = [
    meeting({ id: M1, mandatory: true }),
    meeting({ id: M2, participantAId: GB, participantBId: CB, tableId: T2 }),
    // Accepted, waiting for a cell: the best candidate when a table is freed.
    meeting({ id: WAITING, status: 'accepted', participantAId: GB, participantBId: CA, slotId: null, tableId: null }),
  ];
  const d = {
    event: { id: id(99), timeZone: 'America/Guayaquil' },
    version: { id: id(98), number: 1, status: 'published' },
    assignments: [],
    slots: [
      { id: S1, code: 'F1', startsAt: '2026-12-04T15:00:00.000Z', endsAt: '2026-12-04T15:20:00.000Z' },
      { id: S2, code: 'F2', startsAt: '2026-12-04T15:25:00.000Z', endsAt: '2026-12-04T15:45:00.000Z' },
    ],
    tables: [
      { id: T1, number: 1 },
      { id: T2, number: 2 },
    ],
    meetings: new Map(meetings.map((m) => [m.id, m])),
    participants: [GA, GB, CA, CB].map((p, i) => ({ id: p, name: ['GAD A', 'GAD B', 'Coop A', 'Coop B'][i], leftAt: null })),
    delegates: [
      { id: D1, participantId: GA, fullName: 'Ana', checkedInAt: null },
      { id: D2, participantId: CA, fullName: 'Luis', checkedInAt: '2026-12-04T14:50:00.000Z' },
    ],
  } as unknown as LiveData;
  // The agenda as loadLiveData builds it.
  const names = new Map(d.participants.map((p) => [p.id, p.name]));
  return { ...d, assignments: liveAssignments(d.meetings.values(), d.slots, d.tables, (p) => names.get(p)!) };
}

const reduce = liveDataReducer({ delegates: true });
const cells = (d: LiveData | typeof RELOAD) =>
  d === RELOAD
    ? RELOAD
    : d.assignments.map((a) => `${a.slot}/${a.table} ${a.participantA}⇄${a.participantB} ${d.meetings.get(a.meetingId)!.status}`);

describe('the day’s pages apply live messages (control room, table view, board, find your table)', () => {
  it('starts from the agenda loadLiveData builds: one meeting per cell, in time and table order', () => {
    expect(cells(day())).toEqual(['F1/1 GAD A⇄Coop A scheduled', 'F1/2 GAD B⇄Coop B scheduled']);
  });

  it('a no-show changes the status in its cell and keeps what else the page holds', () => {
    const d = day();
    const next = reduce(d, push('meeting.updated', { ...meeting({ id: M1 }), status: 'no_show', version: 2 })) as LiveData;
    expect(cells(next)).toEqual(['F1/1 GAD A⇄Coop A no_show', 'F1/2 GAD B⇄Coop B scheduled']);
    // Mandatory is not in the message: what the page had stands.
    expect(next.meetings.get(M1)).toMatchObject({ status: 'no_show', version: 2, mandatory: true });
    expect(next.assignments[0].mandatory).toBe(true);
    expect(next.slots).toBe(d.slots);
    expect(next.delegates).toBe(d.delegates);
    expect(next.participants).toBe(d.participants);
  });

  it('its replacement: the waiting meeting takes the freed cell, next to the no-show', () => {
    let d = reduce(day(), push('meeting.updated', { ...meeting({ id: M1 }), status: 'no_show', version: 2 })) as LiveData;
    d = reduce(
      d,
      push('meeting.updated', meeting({ id: WAITING, participantAId: GB, participantBId: CA, slotId: S2, tableId: T1, version: 2 })),
    ) as LiveData;
    expect(cells(d)).toEqual(['F1/1 GAD A⇄Coop A no_show', 'F1/2 GAD B⇄Coop B scheduled', 'F2/1 GAD B⇄Coop A scheduled']);
  });

  it('a walk-in or a replacement made live (meeting.created) is drawn at once, not mandatory', () => {
    const walkIn = meeting({ id: id(30), participantAId: GA, participantBId: CB, slotId: S2, tableId: T2, version: 1 });
    const d = reduce(day(), push('meeting.created', walkIn)) as LiveData;
    expect(cells(d)).toContain('F2/2 GAD A⇄Coop B scheduled');
    expect(d.meetings.get(id(30))!.mandatory).toBe(false);
  });

  it('a request (a created meeting with no cell) changes nothing the day’s pages draw', () => {
    const d = day();
    const request = meeting({ id: id(31), status: 'requested', slotId: null, tableId: null });
    expect(reduce(d, push('meeting.created', request))).toBe(d);
    expect(reduce(d, push('meeting.updated', { ...request, status: 'accepted', version: 2 }))).toBe(d);
  });

  it('a move: the meeting leaves its cell for the new one', () => {
    const d = reduce(
      day(),
      push('meeting.updated', meeting({ id: M2, participantAId: GB, participantBId: CB, slotId: S2, tableId: T2, version: 2 })),
    );
    expect(cells(d)).toEqual(['F1/1 GAD A⇄Coop A scheduled', 'F2/2 GAD B⇄Coop B scheduled']);
  });

  it('reloads for what the message cannot tell: an unknown meeting taking a table, an unknown table, slot or participant, a new agenda', () => {
    const d = day();
    // Whether it is mandatory is not in the message.
    expect(reduce(d, push('meeting.updated', meeting({ id: id(40), slotId: S2, tableId: T2 })))).toBe(RELOAD);
    // A table added after the page loaded.
    expect(reduce(d, push('meeting.updated', meeting({ id: M2, tableId: id(41), version: 2 })))).toBe(RELOAD);
    // A participant registered after the page loaded: the grid names both parties.
    expect(reduce(d, push('meeting.created', meeting({ id: id(44), participantBId: id(45), slotId: S2, tableId: T2 })))).toBe(RELOAD);
    expect(reduce(d, push('slots.delayed', { slots: [{ id: id(42), startsAt: 'x', endsAt: 'y' }] }))).toBe(RELOAD);
    expect(reduce(d, push('schedule.published', { versionId: id(43), number: 2 }))).toBe(RELOAD);
  });

  it('a delay moves the slot and its meetings’ times; the same delay again changes nothing', () => {
    const d = day();
    const delay = push('slots.delayed', {
      slots: [{ id: S1, startsAt: '2026-12-04T15:10:00.000Z', endsAt: '2026-12-04T15:30:00.000Z' }],
      atRisk: [],
    });
    const next = reduce(d, delay) as LiveData;
    expect(next.slots[0]).toMatchObject({ startsAt: '2026-12-04T15:10:00.000Z', endsAt: '2026-12-04T15:30:00.000Z' });
    expect(next.assignments.map((a) => a.startsAt)).toEqual(['2026-12-04T15:10:00.000Z', '2026-12-04T15:10:00.000Z']);
    expect(next.slots[1]).toBe(d.slots[1]);
    expect(reduce(next, delay)).toBe(next);
  });

  it('a delegate’s check-in, once; a delegate the page does not hold reloads it; pages without delegates ignore it', () => {
    const d = day();
    const checkIn = push('delegate.checked_in', { participantId: GA, delegateId: D1, checkedInAt: '2026-12-04T14:55:00.000Z' });
    const next = reduce(d, checkIn) as LiveData;
    expect(next.delegates[0].checkedInAt).toBe('2026-12-04T14:55:00.000Z');
    expect(next.meetings).toBe(d.meetings);
    // The first check-in stands.
    expect(reduce(d, push('delegate.checked_in', { participantId: CA, delegateId: D2, checkedInAt: '2026-12-04T15:01:00.000Z' }))).toBe(d);
    expect(reduce(d, push('delegate.checked_in', { participantId: CA, delegateId: id(50), checkedInAt: 'x' }))).toBe(RELOAD);
    expect(liveDataReducer({ delegates: false })(d, checkIn)).toBe(d);
  });

  it('a participant who leaves is marked; the meetings it frees come as their own messages', () => {
    const d = reduce(
      day(),
      push('participant.left', { participantId: GB, at: '2026-12-04T15:05:00.000Z', freedMeetingIds: [M2] }),
    ) as LiveData;
    expect(d.participants[1].leftAt).toBe('2026-12-04T15:05:00.000Z');
    expect(d.meetings.get(M2)!.status).toBe('scheduled');
  });

  it('a proposal naming a participant registered after the page loaded reloads the day (the control room names the candidates)', () => {
    const d = day();
    const candidate = (b: string) => ({ participantAId: GB, participantBId: b, source: 'waiting', score: 1, reason: '' });
    const proposed = (b: string) =>
      push('replacement.proposed', {
        proposalId: id(61),
        slotId: S1,
        tableId: T1,
        freedMeetingId: M1,
        candidate: candidate(b),
        mode: 'automatic',
      });
    expect(reduce(d, proposed(id(62)))).toBe(RELOAD);
    expect(reduce(d, proposed(CA))).toBe(d);
  });

  it('messages about proposals, or of a type it does not know, leave the day as it was', () => {
    const d = day();
    for (const type of ['replacement.proposed', 'replacement.unavailable', 'replacement.resolved', 'something.new'] as LiveMessageType[]) {
      expect(reduce(d, push(type, { proposalId: id(60), slotId: S1, tableId: T1, freedMeetingId: M1 }))).toBe(d);
    }
  });

  it('a duplicate, or an older version of a meeting after a newer one, changes nothing', () => {
    const noShow = push('meeting.updated', { ...meeting({ id: M1 }), status: 'no_show', version: 3 });
    const d = reduce(day(), noShow) as LiveData;
    expect(reduce(d, noShow)).toBe(d);
    expect(reduce(d, push('meeting.updated', { ...meeting({ id: M1 }), status: 'checked_in', version: 2 }))).toBe(d);
  });
});

describe('the control room’s proposals', () => {
  const waiting = { id: id(70), status: 'proposed' } as unknown as ProposalLists['waiting'][number];
  const lists: ProposalLists = { waiting: [waiting], applied: [] };

  it('a new proposal reloads the lists (the message does not say whether it was applied), a known one changes nothing', () => {
    expect(proposalsReducer(lists, push('replacement.proposed', { proposalId: id(71), mode: 'automatic' }))).toBe(RELOAD);
    expect(proposalsReducer(lists, push('replacement.proposed', { proposalId: id(70), mode: 'confirm' }))).toBe(lists);
  });

  it('a rejected or withdrawn one waits no more; an accepted one reloads (its meeting is not in the message)', () => {
    expect(proposalsReducer(lists, push('replacement.resolved', { proposalId: id(70), accepted: false }))).toEqual({
      waiting: [],
      applied: [],
    });
    expect(proposalsReducer(lists, push('replacement.resolved', { proposalId: id(70), accepted: true }))).toBe(RELOAD);
    expect(proposalsReducer(lists, push('replacement.resolved', { proposalId: id(72), accepted: false }))).toBe(lists);
  });

  it('meeting messages and a freed cell with no candidate leave the lists as they were', () => {
    expect(proposalsReducer(lists, push('meeting.updated', meeting({ id: M1, version: 5 })))).toBe(lists);
    expect(proposalsReducer(lists, push('replacement.unavailable', { proposalId: id(73) }))).toBe(lists);
  });
});

describe('a participant’s agenda', () => {
  const mine = (m: Record<string, unknown>) =>
    ({
      id: M1,
      status: 'scheduled',
      version: 1,
      participantAId: GA,
      participantBId: CA,
      slotId: S1,
      tableId: T1,
      awaitingMyAnswer: false,
      slotCode: 'F1',
      startsAt: '2026-12-04T15:00:00.000Z',
      endsAt: '2026-12-04T15:20:00.000Z',
      tableNumber: 1,
      counterpartName: 'Coop A',
      ...m,
    }) as unknown as Parameters<typeof agendaReducer>[0][number];
  const agenda = [mine({}), mine({ id: M2, status: 'requested', slotId: null, tableId: null, awaitingMyAnswer: true })];

  it('a status change in place is applied; an answered request awaits no answer', () => {
    const next = agendaReducer(agenda, push('meeting.updated', meeting({ id: M1, status: 'checked_in', version: 2 })));
    expect(next).not.toBe(RELOAD);
    expect((next as typeof agenda)[0]).toMatchObject({ status: 'checked_in', version: 2, tableNumber: 1 });
    const accepted = agendaReducer(
      agenda,
      push('meeting.updated', meeting({ id: M2, status: 'accepted', slotId: null, tableId: null, version: 2 })),
    );
    expect((accepted as typeof agenda)[1]).toMatchObject({ status: 'accepted', awaitingMyAnswer: false });
  });

  it('reloads for a move, a new meeting, an unknown one or a new agenda (times, table number and counterpart are not in the message)', () => {
    expect(agendaReducer(agenda, push('meeting.updated', meeting({ id: M1, slotId: S2, version: 2 })))).toBe(RELOAD);
    expect(agendaReducer(agenda, push('meeting.created', meeting({ id: id(80) })))).toBe(RELOAD);
    expect(agendaReducer(agenda, push('schedule.published', { versionId: id(81), number: 2 }))).toBe(RELOAD);
  });

  it('a delay moves the times of its meetings; check-ins and a duplicate change nothing', () => {
    const delay = push('slots.delayed', { slots: [{ id: S1, startsAt: '2026-12-04T15:10:00.000Z', endsAt: '2026-12-04T15:30:00.000Z' }] });
    const next = agendaReducer(agenda, delay) as typeof agenda;
    expect(next[0]).toMatchObject({ startsAt: '2026-12-04T15:10:00.000Z', endsAt: '2026-12-04T15:30:00.000Z' });
    expect(next[1]).toBe(agenda[1]);
    expect(agendaReducer(next, delay)).toBe(next);
    expect(agendaReducer(agenda, push('delegate.checked_in', { participantId: GA, delegateId: D1, checkedInAt: 'x' }))).toBe(agenda);
    expect(agendaReducer(agenda, push('meeting.updated', meeting({ id: M1, version: 1 })))).toBe(agenda);
  });
});

describe('LiveView: each message once, and none lost to a reload', () => {
  const noShow = (version: number) => push('meeting.updated', { ...meeting({ id: M1 }), status: 'no_show', version });

  it('applies in order and ignores a sequence number it already passed (duplicate or out of order)', () => {
    const v = new LiveView(reduce);
    v.loaded(v.reloading(), day());
    const first = noShow(2);
    const second = push('meeting.updated', { ...meeting({ id: M1 }), status: 'checked_in', version: 3 });
    expect(v.receive(second)).toBe('applied');
    const held = v.state;
    expect(v.receive(second)).toBe('duplicate');
    expect(v.receive(first)).toBe('duplicate');
    expect(v.state).toBe(held);
    expect(v.state!.meetings.get(M1)!.status).toBe('checked_in');
    expect(v.receive(push('replacement.unavailable', {}))).toBe('unchanged');
    expect(v.receive(push('schedule.published', {}))).toBe('reload');
  });

  it('messages that arrive during a reload are shown at once and applied again on its answer, read before them', () => {
    const v = new LiveView(reduce);
    v.loaded(v.reloading(), day());
    const ticket = v.reloading();
    expect(v.receive(noShow(2))).toBe('applied');
    expect(v.state!.meetings.get(M1)!.status).toBe('no_show');
    // The answer was read before the no-show: the no-show still shows.
    expect(v.loaded(ticket, day())).toBe('done');
    expect(v.state!.meetings.get(M1)!.status).toBe('no_show');
  });

  it('before the first answer messages wait for it; one that needs a reload during it asks for another', () => {
    const v = new LiveView(reduce);
    const ticket = v.reloading();
    expect(v.receive(noShow(2))).toBe('waiting');
    expect(v.receive(push('schedule.published', {}))).toBe('waiting');
    expect(v.loaded(ticket, day())).toBe('again');
    expect(v.state!.meetings.get(M1)!.status).toBe('no_show');
  });

  it('an older reload’s answer is dropped when a newer one runs', () => {
    const v = new LiveView(reduce);
    const old = v.reloading();
    const fresh = v.reloading();
    expect(v.loaded(old, day())).toBe('stale');
    expect(v.failed(old)).toBe(false);
    expect(v.loaded(fresh, day())).toBe('done');
  });
});
