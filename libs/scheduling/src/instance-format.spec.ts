import { FormatError, parseSchedule, parseScheduleInstance } from '@rueda/formats';
import { generateInstance, solve } from './index';

function issuesOf(json: unknown) {
  try {
    parseScheduleInstance(json);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as FormatError).issues;
  }
  throw new Error('expected a FormatError');
}

const base = () => ({
  format: 'rueda.schedule-instance/1',
  slots: [{ id: 'S01' }, { id: 'S02' }],
  tables: [{ id: 'T01' }, { id: 'T02' }],
  participants: [
    { id: '0104', unavailable: ['S02'], maxMeetings: 8 },
    { id: 'CAF', parallel: 2 },
    { id: 'JICA', fixedTable: 'T02' },
  ],
  meetings: [
    { id: 'M0001', participants: ['0104', 'CAF'], weight: 3 },
    { id: 'M0002', participants: ['0104', 'JICA'], weight: 1, pinned: { slot: 'S01', table: 'T02' } },
  ],
});

describe('parseScheduleInstance', () => {
  it('accepts the README example and keeps defaults implicit', () => {
    const inst = parseScheduleInstance(base());
    expect(inst.meetings[0].weight).toBe(3);
    expect(inst.participants[1].parallel).toBe(2);
  });

  it('rejects an unknown format with one clear issue', () => {
    const issues = issuesOf({ ...base(), format: 'rueda.schedule-instance/9' });
    expect(issues).toEqual([{ path: 'format', message: expect.stringContaining('formato desconocido') }]);
    expect(issuesOf({ format: 'rueda.match-input/1' })[0].message).toContain('unknown format');
  });

  it('lists every conflict, each with its path', () => {
    const bad = base();
    bad.slots.push({ id: 'S01' }); // duplicate slot id
    bad.participants.push({ id: 'CAF' } as never); // duplicate participant
    bad.participants.push({ id: 'EU', unavailable: ['S09'], fixedTable: 'T09' } as never);
    bad.meetings.push(
      { id: 'M0003', participants: ['0104', 'NOPE'] } as never, // unknown participant
      { id: 'M0004', participants: ['CAF', 'CAF'] } as never, // self meeting
      { id: 'M0005', participants: ['CAF', 'JICA'], pinned: { slot: 'S01', table: 'T02' } } as never, // same pin as M0002
      { id: 'M0006', participants: ['0104', 'CAF'], pinned: { slot: 'S02', table: 'T01' } } as never, // 0104 unavailable
      { id: 'M0007', participants: ['CAF', 'JICA'], pinned: { slot: 'S02', table: 'T01' } } as never, // JICA sits at T02; T01/S02 twice
      { id: 'M0001', participants: ['0104', 'CAF'] } as never, // duplicate meeting id
      { id: 'M0008', participants: ['0104', 'CAF'], pinned: { slot: 'S07', table: 'T07' } } as never, // unknown pin ids
    );
    const issues = issuesOf(bad);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'slots[2].id',
        'participants[3].id',
        'participants[4].unavailable[0]',
        'participants[4].fixedTable',
        'meetings[2].participants[1]',
        'meetings[3].participants',
        'meetings[4].pinned',
        'meetings[5].pinned.slot',
        'meetings[6].pinned.table',
        'meetings[7].id',
        'meetings[8].pinned.slot',
        'meetings[8].pinned.table',
      ]),
    );
    // M0007 reuses T01/S02 after M0006: also reported.
    expect(issues.filter((i) => i.path === 'meetings[6].pinned')).toHaveLength(1);
    for (const i of issues) expect(i.message).toMatch(/ \/ /);
  });

  it('reports structural errors from the schema with paths', () => {
    const bad = base() as Record<string, unknown>;
    (bad.meetings as unknown[]).push({ id: 'M9', participants: ['CAF'], weight: -1 });
    (bad.participants as unknown[]).push({ id: 'X', parallel: 0 });
    const paths = issuesOf(bad).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['meetings[2].participants', 'meetings[2].weight', 'participants[3].parallel']));
  });

  it('rejects pins beyond parallel or maxMeetings and fixed tables with parallel > 1', () => {
    const bad = base();
    bad.participants.push({ id: 'EU', maxMeetings: 0 } as never, { id: 'KOICA', fixedTable: 'T01', parallel: 2 } as never);
    bad.meetings.push({ id: 'M0009', participants: ['CAF', 'EU'], pinned: { slot: 'S02', table: 'T02' } } as never);
    bad.meetings.push({ id: 'M0010', participants: ['0104', 'CAF'], pinned: { slot: 'S01', table: 'T01' } } as never);
    const issues = issuesOf(bad);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['participants[4].parallel', 'meetings[2].pinned', 'meetings[3].pinned.slot']),
    );
  });
});

describe('parseSchedule', () => {
  it('round-trips a solver output', async () => {
    const inst = generateInstance({ seed: 2, gadms: 10, cooperants: 4, meetings: 30, slots: 4, tables: 3 });
    const out = await solve(inst, { seed: 1, budget: 0.2 });
    expect(parseSchedule(JSON.parse(JSON.stringify(out)))).toEqual(out);
  });
});
