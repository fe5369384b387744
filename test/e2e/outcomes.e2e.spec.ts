import { bearer, eventually, startTestApi, TestApi } from '../support/api';

describe('meeting outcomes from both sides, reminders, and commitments followed through the pipeline', () => {
  let api: TestApi;
  let ev: string;
  const p: Record<string, { id: string; token: string }> = {};
  const m: Record<string, string> = {};
  const admin = () => bearer(api.tokens.admin);
  const staff = () => bearer(api.tokens.staff);
  const as = (who: string) => bearer(p[who].token);
  const paths = (body: { fields?: { path: string }[] }) => (body.fields ?? []).map((i) => i.path).sort();

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({
          name: 'Jornada 2026',
          venue: 'Cuenca',
          sessions: [{ day: '2026-03-12', startTime: '09:00', endTime: '10:00', slotMinutes: 20 }],
          tableCount: 2,
        })
        .expect(201)
    ).body.id;
    for (const [key, externalId, kind] of [
      ['cuenca', '0101', 'gadm'],
      ['nabon', '0104', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
      ['giz', 'GIZ', 'cooperant'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId }).expect(201))
        .body.id;
      p[key] = { id, token: (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin())).body.token };
    }
    for (const [g, c] of [
      ['cuenca', 'jica'],
      ['nabon', 'jica'],
      ['cuenca', 'giz'],
    ]) {
      m[`${g}-${c}`] = (
        await api.http.post(`/events/${ev}/meetings`).set(admin()).send({ participantAId: p[g].id, participantBId: p[c].id }).expect(201)
      ).body.id;
    }
    const draft = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 2 }).expect(201)).body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${draft.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${draft.id}/publish`).set(admin()).expect(200);
    for (const k of ['cuenca-jica', 'nabon-jica']) {
      await api.http.post(`/events/${ev}/live/meetings/${m[k]}/status`).set(staff()).send({ status: 'held' }).expect(200);
    }
  }, 60_000);
  afterAll(async () => api?.close());

  it('a participant records and corrects its own outcome of a held meeting (one per side, optimistic version)', async () => {
    const first = (
      await api.http
        .put(`/me/outcomes/${m['cuenca-jica']}`)
        .set(as('cuenca'))
        .send({
          interest: 4,
          nextSteps: ['MOU', 'TECH_MISSION'],
          amountUsd: 120000.5,
          notes: 'Agua potable para parroquias rurales',
          contacts: [{ name: 'Kenji Sato', role: 'Oficial de programa', email: 'k.sato@jica.example' }],
          nextContactDate: '2026-04-01',
          targetDate: '2026-09-30',
        })
        .expect(200)
    ).body;
    expect(first).toMatchObject({
      side: 'a',
      participantId: p.cuenca.id,
      meetingId: m['cuenca-jica'],
      interest: 4,
      amountUsd: 120000.5,
      filledBy: 'participant',
      version: 1,
    });
    const second = (
      await api.http
        .put(`/me/outcomes/${m['cuenca-jica']}`)
        .set(as('cuenca'))
        .send({ interest: 5, nextSteps: ['MOU'], version: 1 })
        .expect(200)
    ).body;
    expect(second).toMatchObject({ id: first.id, interest: 5, nextSteps: ['MOU'], amountUsd: null, contacts: [], version: 2 });
    const stale = await api.http.put(`/me/outcomes/${m['cuenca-jica']}`).set(as('cuenca')).send({ interest: 1, version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', current: { interest: 5, version: 2 } });
    expect((await api.http.get(`/me/outcomes/${m['cuenca-jica']}`).set(as('cuenca')).expect(200)).body.interest).toBe(5);
    // The other side fills its own form: a second row, not an overwrite.
    const other = (
      await api.http
        .put(`/me/outcomes/${m['cuenca-jica']}`)
        .set(as('jica'))
        .send({ interest: 3, nextSteps: ['FUND_APPLICATION'] })
        .expect(200)
    ).body;
    expect(other).toMatchObject({ side: 'b', participantId: p.jica.id });
    const both = (await api.http.get(`/events/${ev}/meetings/${m['cuenca-jica']}/outcomes`).set(staff()).expect(200)).body;
    expect(both.map((o: { side: string; interest: number }) => [o.side, o.interest])).toEqual([
      ['a', 5],
      ['b', 3],
    ]);
  });

  it("a participant sees only its own outcomes and cannot touch another's meeting", async () => {
    const mine = (await api.http.get('/me/outcomes').set(as('jica')).expect(200)).body;
    expect(mine.map((o: { participantId: string }) => o.participantId)).toEqual([p.jica.id]);
    expect(mine[0].interest).toBe(3);
    // Nabón is not in this meeting: neither side's outcome, nor a way to write one.
    await api.http.get(`/me/outcomes/${m['cuenca-jica']}`).set(as('nabon')).expect(404);
    const put = await api.http.put(`/me/outcomes/${m['cuenca-jica']}`).set(as('nabon')).send({ interest: 5 }).expect(404);
    expect(put.body.error).toBe('not_found');
    // GIZ has no outcome of its own in this event yet.
    expect((await api.http.get('/me/outcomes').set(as('giz')).expect(200)).body).toEqual([]);
    // Organiser routes are closed to participant links.
    await api.http.get(`/events/${ev}/meetings/${m['cuenca-jica']}/outcomes`).set(as('cuenca')).expect(403);
    await api.http.get(`/events/${ev}/outcomes`).set(as('cuenca')).expect(403);
    await api.http
      .put(`/events/${ev}/meetings/${m['nabon-jica']}/outcomes/${p.nabon.id}`)
      .set(as('nabon'))
      .send({ interest: 5 })
      .expect(403);
    // Nor may a participant fill a meeting that was not held.
    const notHeld = await api.http.put(`/me/outcomes/${m['cuenca-giz']}`).set(as('cuenca')).send({ interest: 4 }).expect(409);
    expect(notHeld.body.error).toBe('meeting_not_held');
  });

  it('bad input gets a 400 whose fields name each one, in Spanish and English', async () => {
    const url = `/me/outcomes/${m['nabon-jica']}`;
    const bad = await api.http
      .put(url)
      .set(as('nabon'))
      .send({
        interest: 7,
        nextSteps: ['MOU', 'COFFEE'],
        amountUsd: -5,
        contacts: [{ name: '', email: 'not-an-email' }],
      })
      .expect(400);
    expect(bad.body.error).toBe('validation_failed');
    expect(paths(bad.body)).toEqual(['amountUsd', 'contacts.0.email', 'contacts.0.name', 'interest', 'nextSteps.1']);
    expect(bad.body.fields.find((i: { path: string }) => i.path === 'amountUsd')).toMatchObject({
      es: expect.stringContaining('no puede ser negativo'),
      en: expect.stringContaining('cannot be negative'),
    });
    const dates = await api.http
      .put(url)
      .set(as('nabon'))
      .send({ interest: 3, nextContactDate: '2026-05-01', targetDate: '2026-04-01' })
      .expect(400);
    expect(paths(dates.body)).toEqual(['targetDate']);
    const beforeMeeting = await api.http.put(url).set(as('nabon')).send({ interest: 3, nextContactDate: '2026-03-01' }).expect(400);
    expect(beforeMeeting.body.fields).toEqual([
      { path: 'nextContactDate', es: expect.stringContaining('2026-03-12'), en: expect.stringContaining('2026-03-12') },
    ]);
    const malformed = await api.http.put(url).set(as('nabon')).send({ interest: 3, targetDate: '12/03/2026', extra: 1 }).expect(400);
    expect(paths(malformed.body)).toEqual(expect.arrayContaining(['targetDate']));
    await api.http
      .put(url)
      .set(as('nabon'))
      .send({ interest: 3, nextSteps: ['MOU', 'MOU'] })
      .expect(400);
    // Nothing was written by the failed attempts.
    await api.http.get(url).set(as('nabon')).expect(404);
  });

  it('lists held meetings still missing an outcome, per participant, until each side fills it', async () => {
    const missing = (await api.http.get(`/events/${ev}/outcomes/missing`).set(staff()).expect(200)).body;
    // cuenca-jica has both sides; nabon-jica has neither; cuenca-giz was not held.
    expect(missing).toMatchObject({ participants: 2, meetings: 2 });
    const byId = Object.fromEntries(
      missing.items.map((x: { participant: { id: string }; missing: { meetingId: string }[] }) => [
        x.participant.id,
        x.missing.map((y) => y.meetingId),
      ]),
    );
    expect(byId).toEqual({ [p.nabon.id]: [m['nabon-jica']], [p.jica.id]: [m['nabon-jica']] });
    const pending = (await api.http.get('/me/outcomes/pending').set(as('jica')).expect(200)).body;
    expect(pending).toMatchObject({
      count: 1,
      meetings: [{ meetingId: m['nabon-jica'], side: 'b', counterpart: { id: p.nabon.id }, tableNumber: expect.any(Number) }],
    });

    // An organiser types in Nabón's paper form; a scheduled meeting can take one too, a foreign participant cannot.
    const typed = (
      await api.http
        .put(`/events/${ev}/meetings/${m['nabon-jica']}/outcomes/${p.nabon.id}`)
        .set(staff())
        .send({ interest: 2, nextSteps: ['VOLUNTEERING'] })
        .expect(200)
    ).body;
    expect(typed).toMatchObject({ side: 'a', filledBy: 'staff', filledByUserId: expect.any(String) });
    await api.http.put(`/events/${ev}/meetings/${m['nabon-jica']}/outcomes/${p.giz.id}`).set(staff()).send({ interest: 2 }).expect(404);
    await api.http.put(`/events/${ev}/meetings/${m['cuenca-giz']}/outcomes/${p.giz.id}`).set(staff()).send({ interest: 2 }).expect(200);
    expect((await api.http.get('/me/outcomes/pending').set(as('nabon')).expect(200)).body).toEqual({ count: 0, meetings: [] });
    await api.http.put(`/me/outcomes/${m['nabon-jica']}`).set(as('jica')).send({ interest: 4 }).expect(200);
    expect((await api.http.get(`/events/${ev}/outcomes/missing`).set(staff()).expect(200)).body).toEqual({
      participants: 0,
      meetings: 0,
      items: [],
    });
    const list = (await api.http.get(`/events/${ev}/outcomes?participantId=${p.jica.id}`).set(staff()).expect(200)).body;
    expect(list.total).toBe(2);
  });

  it('commitments: created from held meetings, reviews due at 3, 6 and 12 months after the event', async () => {
    const notHeld = await api.http
      .post(`/events/${ev}/commitments`)
      .set(staff())
      .send({ meetingId: m['cuenca-giz'], title: 'X' })
      .expect(409);
    expect(notHeld.body.error).toBe('meeting_not_held');
    const bad = await api.http
      .post(`/events/${ev}/commitments`)
      .set(staff())
      .send({ meetingId: m['cuenca-jica'], title: '', amountUsd: -1, stage: 'dropped', nextStep: 'LUNCH' })
      .expect(400);
    expect(paths(bad.body)).toEqual(['amountUsd', 'nextStep', 'stage', 'title']);
    const early = await api.http
      .post(`/events/${ev}/commitments`)
      .set(staff())
      .send({ meetingId: m['cuenca-jica'], title: 'MOU', date: '2026-03-01' })
      .expect(400);
    expect(paths(early.body)).toEqual(['date']);
    await api.http.post(`/events/${ev}/commitments`).set(as('cuenca')).send({ meetingId: m['cuenca-jica'], title: 'MOU' }).expect(403);

    const c = (
      await api.http
        .post(`/events/${ev}/commitments`)
        .set(staff())
        .send({
          meetingId: m['cuenca-jica'],
          title: 'Memorando de entendimiento: agua potable',
          nextStep: 'MOU',
          amountUsd: 250000,
          date: '2026-03-12',
        })
        .expect(201)
    ).body;
    expect(c).toMatchObject({ stage: 'identified', stageDate: '2026-03-12', baseDate: '2026-03-12', amountUsd: 250000, version: 1 });
    expect(c.reviews.map((r: { months: number; dueDate: string; reviewedOn: null }) => [r.months, r.dueDate, r.reviewedOn])).toEqual([
      [3, '2026-06-12', null],
      [6, '2026-09-12', null],
      [12, '2027-03-12', null],
    ]);
    expect(c.history).toEqual([expect.objectContaining({ stage: 'identified', date: '2026-03-12', amountUsd: 250000 })]);
  });

  it('stages only move forward (or to dropped), dates in order, a stale version gets 409', async () => {
    const c0 = (
      await api.http
        .post(`/events/${ev}/commitments`)
        .set(staff())
        .send({ meetingId: m['nabon-jica'], title: 'Voluntariado técnico', date: '2026-03-12' })
        .expect(201)
    ).body;
    const url = `/events/${ev}/commitments/${c0.id}`;
    const c1 = (
      await api.http
        .post(`${url}/stage`)
        .set(staff())
        .send({ stage: 'negotiation', date: '2026-04-10', amountUsd: 40000, version: 1 })
        .expect(200)
    ).body;
    expect(c1).toMatchObject({ stage: 'negotiation', stageDate: '2026-04-10', amountUsd: 40000, version: 2 });
    const stale = await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'signed', date: '2026-05-01', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', current: { stage: 'negotiation', version: 2 } });
    const back = await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'identified', date: '2026-05-01', version: 2 }).expect(409);
    expect(back.body.error).toBe('invalid_transition');
    const before = await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'signed', date: '2026-04-01', version: 2 }).expect(400);
    expect(before.body.fields).toEqual([
      { path: 'date', es: expect.stringContaining('2026-04-10'), en: expect.stringContaining('2026-04-10') },
    ]);
    const unknown = await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'celebrated', version: 2 }).expect(400);
    expect(paths(unknown.body)).toEqual(['stage']);
    // Skipping ahead is allowed: the agreement went straight into execution.
    const c2 = (
      await api.http
        .post(`${url}/stage`)
        .set(staff())
        .send({ stage: 'execution', date: '2026-06-01', note: 'Convenio firmado y en marcha', version: 2 })
        .expect(200)
    ).body;
    const reviewed = (
      await api.http
        .post(`${url}/reviews`)
        .set(staff())
        .send({ months: 3, date: '2026-06-12', note: 'Primer desembolso', version: c2.version })
        .expect(200)
    ).body;
    expect(reviewed.reviews[0]).toEqual({
      months: 3,
      dueDate: '2026-06-12',
      reviewedOn: '2026-06-12',
      stage: 'execution',
      note: 'Primer desembolso',
    });
    await api.http.post(`${url}/reviews`).set(staff()).send({ months: 4, version: reviewed.version }).expect(400);
    const patched = (await api.http.patch(url).set(staff()).send({ amountUsd: 45000, version: reviewed.version }).expect(200)).body;
    expect(patched.amountUsd).toBe(45000);
    const dropped = (
      await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'dropped', date: '2026-07-01', version: patched.version }).expect(200)
    ).body;
    expect(dropped.history.map((h: { stage: string; date: string }) => `${h.stage}@${h.date}`)).toEqual([
      'identified@2026-03-12',
      'negotiation@2026-04-10',
      'execution@2026-06-01',
      'dropped@2026-07-01',
    ]);
    await api.http.post(`${url}/stage`).set(staff()).send({ stage: 'closed', version: dropped.version }).expect(409);
  });

  it('lists commitments by stage, participant and reviews due', async () => {
    const all = (await api.http.get(`/events/${ev}/commitments`).set(staff()).expect(200)).body;
    expect(all.total).toBe(2);
    expect(all.items[0].participants.map((x: { id: string }) => x.id)).toEqual([p.cuenca.id, p.jica.id]);
    expect((await api.http.get(`/events/${ev}/commitments?stage=dropped`).set(staff())).body.total).toBe(1);
    expect(
      (await api.http.get(`/events/${ev}/commitments?participantId=${p.cuenca.id}`).set(staff())).body.items.map(
        (x: { title: string }) => x.title,
      ),
    ).toEqual(['Memorando de entendimiento: agua potable']);
    expect((await api.http.get(`/events/${ev}/commitments?participantId=${p.jica.id}`).set(staff())).body.total).toBe(2);
    // Only the open commitment has its 3-month review (2026-06-12) due by July; the dropped one needs none.
    const due = (await api.http.get(`/events/${ev}/commitments?reviewDueBy=2026-07-01`).set(staff()).expect(200)).body;
    expect(due.items.map((x: { title: string }) => x.title)).toEqual(['Memorando de entendimiento: agua potable']);
    expect((await api.http.get(`/events/${ev}/commitments?reviewDueBy=2026-06-01`).set(staff())).body.total).toBe(0);
    await api.http.get(`/events/${ev}/commitments?stage=nope`).set(staff()).expect(400);

    const pipe = (await api.http.get(`/events/${ev}/reports/pipeline`).set(staff()).expect(200)).body;
    expect(pipe.active).toEqual({ count: 1, amountUsd: 250000 });
    const summary = (await api.http.get(`/events/${ev}/reports/summary`).set(staff()).expect(200)).body;
    // Outcome forms: cuenca-jica (5, 3), nabon-jica (2, 4), cuenca-giz (2): mean 3.2.
    expect(summary.figures.outcomes).toMatchObject({ meetingsWithOutcome: 3, meanInterest: 3.2 });
  });
});
