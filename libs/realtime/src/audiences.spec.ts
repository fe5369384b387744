import {
  AUDIENCE_TABLE,
  LIVE_AUDIENCES,
  LIVE_MESSAGE_TYPES,
  type LiveAudience,
  type LiveMessage,
  type LiveMessageType,
  projectFor,
  receives,
  replayTypes,
} from './index';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const T1 = '00000000-0000-4000-8000-0000000000f1';
const T2 = '00000000-0000-4000-8000-0000000000f2';

/** A full payload of each type, as the server logs it (every field a rule could leak). */
const SAMPLES: Record<LiveMessageType, { payload: Record<string, unknown>; participants: string[]; tables: string[] }> = {
  'meeting.updated': {
    payload: { id: 'm1', status: 'no_show', participantAId: A, participantBId: B, slotId: 's1', tableId: T1, version: 3 },
    participants: [A, B],
    tables: [T1],
  },
  'meeting.created': {
    payload: { id: 'm2', status: 'scheduled', participantAId: A, participantBId: C, slotId: 's1', tableId: T1, version: 1 },
    participants: [A, C],
    tables: [T1],
  },
  'schedule.published': { payload: { versionId: 'v1', number: 2 }, participants: [], tables: [] },
  'slots.delayed': {
    payload: {
      slots: [{ id: 's2', startsAt: '2026-11-25T15:00:00Z', endsAt: '2026-11-25T15:20:00Z' }],
      atRisk: [
        { meetingId: 'm3', participantId: A, reason: { es: 'se va', en: 'leaves' } },
        { meetingId: 'm4', participantId: C, reason: { es: 'se va', en: 'leaves' } },
      ],
    },
    participants: [A, B, C],
    tables: [],
  },
  'delegate.checked_in': {
    payload: { participantId: A, delegateId: 'd1', checkedInAt: '2026-11-25T14:00:00Z' },
    participants: [A],
    tables: [],
  },
  'participant.left': { payload: { participantId: C, at: '2026-11-25T14:00:00Z', freedMeetingIds: ['m4'] }, participants: [C], tables: [] },
  'replacement.proposed': {
    payload: {
      proposalId: 'p1',
      slotId: 's1',
      tableId: T1,
      freedMeetingId: 'm1',
      candidate: { participantAId: A, participantBId: C, source: 'waitlist', score: 2, reason: 'mesa libre por ausencia de B' },
      mode: 'confirm',
    },
    participants: [A, C],
    tables: [T1],
  },
  'replacement.unavailable': {
    payload: { proposalId: 'p2', slotId: 's1', tableId: T2, freedMeetingId: 'm5' },
    participants: [],
    tables: [T2],
  },
  'replacement.resolved': { payload: { proposalId: 'p1', accepted: false }, participants: [A, C], tables: [T1] },
};

const message = (type: LiveMessageType): LiveMessage => ({ eventId: 'e1', seq: 10, type, at: '2026-11-25T14:00:00Z', ...SAMPLES[type] });

/** Every subscriber the sample messages could reach: each audience, and each participant and table by id. */
const SUBSCRIBERS: [LiveAudience, string | undefined][] = [
  ['organisers', undefined],
  ['board', undefined],
  ['table', T1],
  ['table', T2],
  ['participant', A],
  ['participant', B],
  ['participant', C],
];

describe('the audience table (message type × audience × fields)', () => {
  it('covers every message type for every audience, and organisers see every type', () => {
    expect(LIVE_MESSAGE_TYPES.sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const type of LIVE_MESSAGE_TYPES) {
      for (const audience of LIVE_AUDIENCES) expect(AUDIENCE_TABLE[type]).toHaveProperty(audience);
      // Organisers' continuity check is `prev = seq − 1`: it needs every message.
      expect(AUDIENCE_TABLE[type].organisers).not.toBeNull();
    }
  });

  it.each(LIVE_MESSAGE_TYPES)('%s: each subscriber gets exactly the fields the table allows, or nothing', (type) => {
    const msg = message(type);
    for (const [audience, id] of SUBSCRIBERS) {
      const push = projectFor(msg, audience, id);
      const rule = AUDIENCE_TABLE[type][audience];
      if (!rule || !receives(msg, audience, id)) {
        expect(push).toBeNull();
        continue;
      }
      expect(push).not.toBeNull();
      const allowed = rule.fields.filter((f) => f in (msg.payload as object));
      expect(Object.keys(push!.payload as object).sort()).toEqual([...allowed].sort());
      // Only organisers learn whom a change names.
      expect('participants' in push!).toBe(audience === 'organisers');
      expect('tables' in push!).toBe(audience === 'organisers');
    }
  });

  it('a participant or a table only receives messages that name it (or name nobody)', () => {
    for (const type of LIVE_MESSAGE_TYPES) {
      const msg = message(type);
      const eventWide = msg.participants.length === 0 && msg.tables.length === 0;
      for (const [audience, id] of SUBSCRIBERS.filter(([a]) => a === 'participant')) {
        if (receives(msg, audience, id)) expect(eventWide || msg.participants.includes(id!)).toBe(true);
      }
      for (const [audience, id] of SUBSCRIBERS.filter(([a]) => a === 'table')) {
        if (receives(msg, audience, id))
          expect(eventWide || msg.tables.includes(id!) || AUDIENCE_TABLE[type].table?.to === 'all').toBe(true);
      }
    }
  });

  it('a delay tells each participant only about itself; tables and the board get the slots only', () => {
    const msg = message('slots.delayed');
    expect((projectFor(msg, 'participant', A)!.payload as { atRisk: { participantId: string }[] }).atRisk).toEqual([
      expect.objectContaining({ participantId: A }),
    ]);
    expect((projectFor(msg, 'participant', B)!.payload as { atRisk: unknown[] }).atRisk).toEqual([]);
    expect(projectFor(msg, 'board')!.payload).toEqual({ slots: (msg.payload as { slots: unknown }).slots });
    // Every table shows the new times, whatever the message names.
    expect(projectFor(msg, 'table', T2)!.payload).toEqual({ slots: (msg.payload as { slots: unknown }).slots });
  });

  it('a proposal (naming the no-show and the candidates) reaches organisers only', () => {
    for (const type of ['replacement.proposed', 'replacement.resolved'] as const) {
      for (const [audience, id] of SUBSCRIBERS.filter(([a]) => a !== 'organisers'))
        expect(projectFor(message(type), audience, id)).toBeNull();
    }
  });

  it('the replay filters name the same messages as live delivery', () => {
    for (const audience of ['board', 'table', 'participant'] as const) {
      const { always, whenNamed } = replayTypes(audience);
      for (const type of LIVE_MESSAGE_TYPES) {
        const visible = AUDIENCE_TABLE[type][audience] !== null;
        expect(always.includes(type) || whenNamed.includes(type)).toBe(visible);
      }
    }
  });
});
