import {
  ClearPairOverride,
  ImportTable,
  IssueInvitationLinks,
  type Principal,
  RecordLinkSeen,
  RequestAgendasExport,
  SendInvitations,
  SetPairOverride,
  StartMatchingRun,
  startSession,
  CreateUser,
  IssueAccessLink,
} from '@rueda/application';
import { hashToken } from '@rueda/domain';
import { parseTable } from '@rueda/importing';
import type { Queue } from 'bullmq';
import { matchingJobId } from '@rueda/queues';
import { MatchingFailuresListener } from '../../apps/worker/src/failed-jobs.listener';
import { seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

const SYSTEM: Principal = { type: 'system', name: 'test-admin' };
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const PARTICIPANTS = ['id;tipo_participante;nombre', '0104;gadm;GAD Municipal de Nabón', 'JICA;cooperante;JICA'];

/** Matching runs and pins/blocks as use cases against the real PostgreSQL. */
describe('matching use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  const jobs = () => env.last().jobs.map((j) => ({ queue: j.queue, jobId: j.jobId, data: j.data }));

  it('one run per data version: asking again returns it; a finished run is kept until requests are answered; a failed one gets a new job', async () => {
    const day = await seedDay(env);
    const eventId = day.eventId;
    await expect(env.useCases.execute(StartMatchingRun, STAFF, { eventId })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(StartMatchingRun, SYSTEM, { eventId: UNKNOWN })).rejects.toMatchObject({ kind: 'not_found' });
    const [{ v }] = await env.q(`SELECT data_version AS v FROM events WHERE id = $1`, [eventId]);

    const run = await env.useCases.execute(StartMatchingRun, SYSTEM, { eventId, top: 5 });
    expect(run).toMatchObject({ eventId, dataVersion: v, status: 'queued', progress: 0 });
    const first = { eventId, dataVersion: v, runId: run.id, top: 5, feedbackKey: 'on:0:-' };
    expect(jobs()).toEqual([{ queue: 'matching', jobId: matchingJobId(eventId, v), data: first }]);
    // Again while queued: the same run and the same job id (the queue takes no second job under it).
    await expect(env.useCases.execute(StartMatchingRun, SYSTEM, { eventId, top: 5 })).resolves.toMatchObject({ id: run.id });
    expect(jobs()).toEqual([{ queue: 'matching', jobId: matchingJobId(eventId, v), data: first }]);

    // Finished with what the event has learnt so far: asking again costs nothing.
    await env.q(`UPDATE match_runs SET status = 'done', stats = '{"feedbackKey": "on:0:-"}' WHERE id = $1`, [run.id]);
    const batches = env.delivered.length;
    await expect(env.useCases.execute(StartMatchingRun, SYSTEM, { eventId })).resolves.toMatchObject({ id: run.id, status: 'done' });
    expect(env.last().jobs).toEqual([]);
    expect(env.delivered.length).toBe(batches + 1);

    // Learning switched off since: scored again under the next data version.
    await env.q(`UPDATE events SET settings = settings || '{"learnFromRequests": false}' WHERE id = $1`, [eventId]);
    const again = await env.useCases.execute(StartMatchingRun, SYSTEM, { eventId });
    expect(again).toMatchObject({ dataVersion: v + 1, status: 'queued' });
    expect(again.id).not.toBe(run.id);
    expect(jobs()[0]).toMatchObject({ jobId: matchingJobId(eventId, v + 1), data: { feedbackKey: 'off', top: 10 } });

    // Its job failed for good: queued again as a job of its own (the failed one keeps the first id).
    await env.q(`UPDATE match_runs SET status = 'failed', error = 'boom', progress = 40 WHERE id = $1`, [again.id]);
    const retried = await env.useCases.execute(StartMatchingRun, SYSTEM, { eventId });
    expect(retried).toMatchObject({ id: again.id, status: 'queued', error: null, progress: 0 });
    const retryId = matchingJobId(eventId, v + 1, Date.parse('2026-11-20T15:00:00Z'));
    expect(jobs()[0].jobId).toBe(retryId);
    // When that job fails for good too, the worker's listener finds the run by the retry's id.
    const listener = new MatchingFailuresListener({} as Queue, env.useCases);
    await listener.onExhausted({ jobId: retryId, failedReason: 'boom again' });
    expect(await env.q(`SELECT status, error FROM match_runs WHERE id = $1`, [again.id])).toEqual([
      { status: 'failed', error: 'boom again' },
    ]);
    expect((await env.q(`SELECT count(*)::int AS n FROM match_runs WHERE event_id = $1`, [eventId]))[0].n).toBe(2);
  });

  it('a pin or block names an unknown demand or offer of the event, writes nothing; set, replace and clear change the data version', async () => {
    const day = await seedDay(env);
    const eventId = day.eventId;
    const [gadm, coop] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const [d] = await env.q(
      `INSERT INTO demands (event_id, participant_id, external_id, title, version) VALUES ($1, $2, 'D1', 'Agua', 1) RETURNING id`,
      [eventId, gadm],
    );
    const [o] = await env.q(
      `INSERT INTO offers (event_id, participant_id, external_id, title, version) VALUES ($1, $2, 'O1', 'Agua', 1) RETURNING id`,
      [eventId, coop],
    );
    const overrides = () => env.q(`SELECT mode FROM pair_overrides WHERE event_id = $1`, [eventId]);
    const version = async () => (await env.q(`SELECT data_version AS v FROM events WHERE id = $1`, [eventId]))[0].v as number;
    const pair = { eventId, demandId: d.id, offerId: o.id };

    await expect(
      env.useCases.execute(SetPairOverride, SYSTEM, { ...pair, demandId: UNKNOWN, offerId: UNKNOWN, mode: 'pin' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      fields: [
        { path: 'demandId', es: 'demanda desconocida en este evento', en: 'unknown demand in this event' },
        { path: 'offerId', es: 'oferta desconocida en este evento', en: 'unknown offer in this event' },
      ],
    });
    await expect(env.useCases.execute(SetPairOverride, STAFF, { ...pair, mode: 'pin' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await overrides()).toEqual([]);

    const v0 = await version();
    await expect(env.useCases.execute(SetPairOverride, SYSTEM, { ...pair, mode: 'pin' })).resolves.toEqual({
      demandId: d.id,
      offerId: o.id,
      mode: 'pin',
    });
    await env.useCases.execute(SetPairOverride, SYSTEM, { ...pair, mode: 'block' });
    expect(await overrides()).toEqual([{ mode: 'block' }]);
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await expect(env.useCases.execute(ClearPairOverride, STAFF, pair)).rejects.toMatchObject({ kind: 'forbidden' });
    await env.useCases.execute(ClearPairOverride, SYSTEM, pair);
    expect(await overrides()).toEqual([]);
    expect(await version()).toBeGreaterThan(v1);
  });
});

/** Invitations as use cases against the real PostgreSQL. */
describe('invitation use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('sending issues missing links, records the campaign and one email per reachable participant, and queues the campaign job after commit', async () => {
    const day = await seedDay(env);
    const eventId = day.eventId;
    const [ana, luis] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    await env.q(`UPDATE participants SET email = 'ana@cuenca.gob.ec' WHERE id = $1`, [ana]);
    await expect(env.useCases.execute(SendInvitations, STAFF, { eventId })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(SendInvitations, SYSTEM, { eventId: UNKNOWN })).rejects.toMatchObject({ kind: 'not_found' });

    const sent = await env.useCases.execute(SendInvitations, SYSTEM, { eventId });
    expect(sent).toMatchObject({
      total: 1,
      recipients: [{ participantId: ana, to: ['ana@cuenca.gob.ec'] }],
      skipped: [{ participantId: luis, externalId: 'JICA', reason: { es: expect.stringContaining('sin dirección utilizable') } }],
    });
    expect(env.last().jobs).toEqual([
      expect.objectContaining({ queue: 'campaigns', jobId: `campaign-${sent.campaignId}`, data: { eventId, campaignId: sent.campaignId } }),
    ]);
    const [row] = await env.q(
      `SELECT (SELECT array_agg(participant_id) FROM access_links WHERE event_id = $1) AS links,
              (SELECT array_agg(participant_id) FROM email_messages WHERE campaign_id = $2 AND kind = 'invitation') AS emails,
              (SELECT total FROM email_campaigns WHERE id = $2) AS total`,
      [eventId, sent.campaignId],
    );
    expect(row).toEqual({ links: [ana], emails: [ana], total: 1 });
    // The bulk issue gives the others a link and keeps Ana's.
    await expect(env.useCases.execute(IssueInvitationLinks, SYSTEM, { eventId })).resolves.toEqual({ issued: 1, existing: 1 });
    await expect(env.useCases.execute(IssueInvitationLinks, STAFF, { eventId })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('an agendas export is recorded queued with its job in the same transaction; a participant may not ask', async () => {
    const day = await seedDay(env);
    const eventId = day.eventId;
    const ana = await day.participant('0101', 'gadm');
    await expect(
      env.useCases.execute(RequestAgendasExport, { type: 'participant', participantId: ana, eventId }, { eventId }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(RequestAgendasExport, STAFF, { eventId: UNKNOWN })).rejects.toMatchObject({ kind: 'not_found' });
    const row = await env.useCases.execute(RequestAgendasExport, SYSTEM, { eventId, participantKind: 'gadm' });
    expect(row).toMatchObject({
      eventId,
      kind: 'agendas',
      status: 'queued',
      params: { participantKind: 'gadm', includeEmpty: true },
      progress: { phase: 'queued', percent: 0 },
      filename: 'agendas-gadm.pdf',
    });
    expect(env.last().jobs).toEqual([
      expect.objectContaining({
        queue: 'exports',
        jobId: row.id,
        data: { eventId, exportId: row.id, kind: 'agendas', participantKind: 'gadm', includeEmpty: true },
      }),
    ]);
    const [stored] = await env.q(`SELECT requested_by AS by, content_type AS type FROM export_files WHERE id = $1`, [row.id]);
    expect(stored).toEqual({ by: null, type: 'application/pdf' });
  });
});

/** The import of a table as a use case against the real PostgreSQL. */
describe('the import use case on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a dry run writes nothing; a commit writes every row and the batch; a file with an error is refused whole (422) and writes nothing', async () => {
    const day = await seedDay(env);
    const eventId = day.eventId;
    const table = await parseTable(csv(PARTICIPANTS), { filename: 'p.csv' });
    const cmd = { eventId, kind: 'participants', filename: 'p.csv', table };
    const written = async () =>
      (
        await env.q(
          `SELECT (SELECT count(*)::int FROM participants WHERE event_id = $1) AS participants,
                  (SELECT count(*)::int FROM import_batches WHERE event_id = $1) AS batches`,
          [eventId],
        )
      )[0];
    await expect(env.useCases.execute(ImportTable, STAFF, cmd)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(ImportTable, SYSTEM, cmd)).resolves.toMatchObject({
      mode: 'dry-run',
      rowsRead: 2,
      valid: 2,
      insert: 2,
      committed: false,
    });
    expect(await written()).toEqual({ participants: 0, batches: 0 });

    const bad = await parseTable(csv([...PARTICIPANTS, '0105;alcaldía;Sin tipo']), { filename: 'p.csv' });
    await expect(env.useCases.execute(ImportTable, SYSTEM, { ...cmd, table: bad, mode: 'commit' })).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'import_rejected',
      details: { report: { errors: 1, errorRows: 1, committed: false } },
    });
    expect(await written()).toEqual({ participants: 0, batches: 0 });

    await expect(env.useCases.execute(ImportTable, SYSTEM, { ...cmd, mode: 'commit' })).resolves.toMatchObject({
      mode: 'commit',
      insert: 2,
      update: 0,
      committed: true,
    });
    expect(await written()).toEqual({ participants: 2, batches: 1 });
    await expect(env.useCases.execute(ImportTable, SYSTEM, { ...cmd, mode: 'commit' })).resolves.toMatchObject({ insert: 0, update: 2 });
  });
});

/** Signing in and a link's use as use cases against the real PostgreSQL. */
describe('session and link use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a wrong password or unknown email is one refusal and writes no session; a right one starts a session of the given hours', async () => {
    const login = startSession({ ttlHours: 12 });
    const anyone: Principal = { type: 'system', name: 'login' };
    await env.useCases.execute(CreateUser, SYSTEM, { email: 'ana@ame.gob.ec', name: 'Ana', role: 'staff', password: 'diez-caracteres' });
    const sessions = async () => (await env.q(`SELECT token_hash AS h, expires_at AS at FROM auth_sessions`)) as { h: string; at: Date }[];
    const refusal = { kind: 'unauthenticated', code: 'invalid_credentials', es: 'Correo o contraseña incorrectos' };
    await expect(env.useCases.execute(login, anyone, { email: 'ana@ame.gob.ec', password: 'otra-clave' })).rejects.toMatchObject(refusal);
    await expect(env.useCases.execute(login, anyone, { email: 'nadie@ame.gob.ec', password: 'diez-caracteres' })).rejects.toMatchObject(
      refusal,
    );
    expect(await sessions()).toEqual([]);
    const s = await env.useCases.execute(login, anyone, { email: 'Ana@AME.gob.ec', password: 'diez-caracteres' });
    expect(s).toMatchObject({ token: expect.stringMatching(/^ro_/), expiresAt: new Date('2026-11-21T03:00:00Z'), user: { role: 'staff' } });
    expect(await sessions()).toEqual([{ h: hashToken(s.token), at: new Date('2026-11-21T03:00:00Z') }]);
  });

  it("a link's first and last use are stamped with the use case's instant; only through the participant's own link", async () => {
    const day = await seedDay(env);
    const [ana, luis] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    await env.useCases.execute(IssueAccessLink, SYSTEM, { eventId: day.eventId, participantId: ana });
    const as = (participantId: string): Principal => ({ type: 'participant', participantId, eventId: day.eventId });
    const cmd = { eventId: day.eventId, participantId: ana };
    await expect(env.useCases.execute(RecordLinkSeen, as(luis), cmd)).rejects.toMatchObject({ kind: 'forbidden' });
    await env.useCases.execute(RecordLinkSeen, as(ana), cmd);
    env.clock.set('2026-11-20T16:00:00Z');
    try {
      await env.useCases.execute(RecordLinkSeen, as(ana), cmd);
    } finally {
      env.clock.set('2026-11-20T15:00:00Z');
    }
    const [seen] = await env.q(`SELECT first_seen_at AS first, last_seen_at AS last FROM access_links WHERE participant_id = $1`, [ana]);
    expect(seen).toEqual({ first: new Date('2026-11-20T15:00:00Z'), last: new Date('2026-11-20T16:00:00Z') });
  });
});
