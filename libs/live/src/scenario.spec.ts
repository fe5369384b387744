import {
  affectedParticipants,
  applyDelay,
  applyLeaveEarly,
  applyNoShow,
  applyProposal,
  applyWalkIn,
  checkInvariants,
  LiveState,
  proposeReplacement,
  toReplacementProposal,
} from './index';
import { at, cand, event, meeting } from './testing/fixture';

/**
 * One morning of the Rueda de Negocios, told in the order the control room lives it:
 * 9 slots of 20 minutes from 09:00, 10 tables, five GADMs and five cooperants.
 */
function jornada(): LiveState {
  const gadm = (id: string, extra: object = {}) => ({ id, kind: 'gadm' as const, ...extra });
  const coop = (id: string, extra: object = {}) => ({ id, kind: 'cooperant' as const, ...extra });
  return event({
    now: '10:00',
    people: [
      gadm('0104', { checkedIn: false }), // Nabón: will not make it to 10:20
      gadm('0101'), // Cuenca
      gadm('1101', { checkedIn: false }), // Loja, still on the road
      gadm('0901'), // Guayaquil
      gadm('0102'), // Girón
      coop('CAF', { parallel: 2 }),
      coop('JICA'),
      coop('GIZ'),
      coop('AECID', { fixedTable: 'T2' }),
      coop('UE'),
    ],
    meetings: [
      meeting('M-09', '0101', 'CAF', '09:00', 'T1', 'held', 3),
      meeting('M-10', '0104', 'CAF', '10:20', 'T7', 'scheduled', 4),
      meeting('M-11', '0901', 'AECID', '10:20', 'T2', 'scheduled', 3),
      meeting('M-12', '0102', 'GIZ', '11:20', 'T3', 'scheduled', 2),
      meeting('M-13', '0901', 'GIZ', '11:40', 'T4', 'scheduled', 2),
      meeting('M-14', '0101', 'UE', '11:00', 'T5', 'scheduled', 2),
      // Accepted in advance, left out by the scheduler for lack of room.
      meeting('U-1', '0101', 'JICA', null, null, 'accepted', 5),
      meeting('U-2', '1101', 'GIZ', null, null, 'accepted', 7),
      meeting('U-3', '0102', 'AECID', null, null, 'accepted', 6),
    ],
    candidates: [
      cand('0101', 'JICA', 'unscheduled', 5, 'U-1'),
      cand('1101', 'GIZ', 'unscheduled', 7, 'U-2'),
      cand('0102', 'AECID', 'unscheduled', 6, 'U-3'),
      cand('0102', 'UE', 'mutual', 0.95),
      cand('0901', 'JICA', 'waitlist', 0.7),
      cand('0104', 'JICA', 'match', 0.9),
    ],
  });
}

describe('Rueda de Negocios: a morning of recoveries', () => {
  it('10:25 — Nabón does not come to table 7: the best accepted meeting of two free, checked-in people takes it', () => {
    const s0 = { ...jornada(), now: at('10:25') };
    const noShow = applyNoShow(s0, 'M-10');
    expect(noShow.freed).toEqual([{ slotId: 'S1020', tableId: 'T7', meetingId: 'M-10' }]);

    const proposals = proposeReplacement(noShow.state, noShow.freed[0]);
    // U-2 (weight 7): Loja has not checked in and the slot is under way.
    // U-3 (weight 6): AECID sits at its fixed table T2. Guayaquil is busy; Nabón is absent.
    expect(proposals.map((p) => [p.meeting.meetingId ?? p.meeting.source, p.meeting.a, p.meeting.b])).toEqual([
      ['U-1', '0101', 'JICA'],
      ['mutual', '0102', 'UE'],
    ]);
    const best = proposals[0];
    expect(best).toMatchObject({ kind: 'fill', slotId: 'S1020', tableId: 'T7', disruption: 0, requiresConfirmation: false });
    expect(best.reason).toEqual({
      es: 'mesa libre por ausencia: reunión aceptada que quedó sin horario entre 0101 y JICA, ambos libres en S1020',
      en: 'table freed by a no-show: accepted meeting left unscheduled between 0101 and JICA, both free in S1020',
    });
    expect(toReplacementProposal(best, { proposalId: 'P-1', freedMeetingId: 'M-10' }).mode).toBe('automatic');

    const filled = applyProposal(noShow.state, best);
    if (!filled.ok) throw new Error(filled.reason.en);
    expect(filled.meeting).toMatchObject({ id: 'U-1', status: 'scheduled', slotId: 'S1020', tableId: 'T7' });
    expect(affectedParticipants(noShow.state, filled.state)).toEqual(['0101', 'JICA']);
    expect(checkInvariants(filled.state)).toEqual([]);
  });

  it('10:50 — GIZ announces it leaves at 11:20: its later meetings free up and are refilled without GIZ', () => {
    const s0 = { ...jornada(), now: at('10:50') };
    const left = applyLeaveEarly(s0, 'GIZ', at('11:20'));
    expect(left.freed.map((f) => f.meetingId)).toEqual(['M-12', 'M-13']);
    expect(affectedParticipants(s0, left.state)).toEqual(['0102', '0901', 'GIZ']);

    // 11:20 is beyond the protect window: Loja may still arrive, but its U-2 is with GIZ, who left.
    const proposals = proposeReplacement(left.state, left.freed[0]);
    expect(proposals.some((p) => p.meeting.a === 'GIZ' || p.meeting.b === 'GIZ')).toBe(false);
    // AECID only meets at T2, so on T3 the accepted Cuenca–JICA meeting is first; Nabón, not yet
    // checked in, is still offered for a slot half an hour away, last.
    expect(proposals.map((p) => `${p.meeting.a}-${p.meeting.b}`)).toEqual(['0101-JICA', '0102-UE', '0901-JICA', '0104-JICA']);
    const onT2 = proposeReplacement(left.state, { slotId: 'S1120', tableId: 'T2' });
    expect(onT2[0].meeting).toEqual({ a: '0102', b: 'AECID', meetingId: 'U-3', source: 'unscheduled' });
  });

  it('11:02 — the 11:00 round starts late: the rest of the morning shifts and everyone in it is told', () => {
    const s0 = { ...jornada(), now: at('11:02') };
    const delayed = applyDelay(s0, { fromSlotId: 'S1100', minutes: 10, scope: 'rest-of-day' });
    expect(delayed.slots.map((x) => x.id)).toEqual(['S1100', 'S1120', 'S1140']);
    expect(delayed.slots[0].startsAt).toEqual(at('11:10'));
    expect(affectedParticipants(s0, delayed.state)).toEqual(['0101', '0102', '0901', 'GIZ', 'UE']);
    expect(delayed.atRisk).toEqual([]);
  });

  it('10:52 — Nabón finally arrives and asks CAF for the meeting it missed: a walk-in finds the next common cell', () => {
    const s0 = applyNoShow({ ...jornada(), now: at('10:25') }, 'M-10').state;
    const arrived = {
      ...s0,
      now: at('10:52'),
      participants: s0.participants.map((p) => (p.id === '0104' ? { ...p, checkedIn: true } : p)),
    };
    const walkIn = applyWalkIn(arrived, { a: '0104', b: 'CAF' });
    if (!walkIn.ok) throw new Error(walkIn.reason.en);
    // 10:40 has less than 10 minutes left; at 11:00 both are free and table 1 is the first free one.
    expect([walkIn.slotId, walkIn.tableId]).toEqual(['S1100', 'T1']);
    expect(checkInvariants(walkIn.state)).toEqual([]);
  });
});
