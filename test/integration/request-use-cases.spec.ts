import { AnswerRequest, ExpireRequests, type Principal, RequestMeeting, WORKER } from '@rueda/application';
import { seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';
import { refusal } from '../support/refusals';

/** Requests on the use case's clock: they expire, and are answered, at the instant the Clock gives, never the wall clock's. */
describe('meeting request use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T12:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a request expires once the clock passes its expiry, not before, and then cannot be accepted', async () => {
    const day = await seedDay(env, { settings: { requestExpiryHours: 24 } });
    const [gadm, coop] = [await day.participant('0101', 'gadm'), await day.participant('GIZ', 'cooperant')];
    const as = (id: string): Principal => ({ type: 'participant', participantId: id, eventId: day.eventId });
    const req = await env.useCases.execute(RequestMeeting, as(gadm), { eventId: day.eventId, requesterId: gadm, counterpartId: coop });
    expect(req).toMatchObject({ status: 'requested', expiresAt: new Date('2026-11-21T12:00:00Z') });
    expect(env.last().messages.map((m) => m.type)).toEqual(['meeting.created']);

    env.clock.set('2026-11-21T12:00:00Z');
    expect(await env.useCases.execute(ExpireRequests, WORKER, {})).toEqual({ expired: 0 });
    env.clock.advance(1);
    expect(await env.useCases.execute(ExpireRequests, WORKER, { eventId: day.eventId })).toEqual({ expired: 1 });
    const late = await refusal(
      env.useCases.execute(AnswerRequest, as(coop), { eventId: day.eventId, meetingId: req.id, answer: 'accept' }),
    );
    expect(late.code).toBe('invalid_transition');
  });

  it('an answer is stamped with the clock, and mutual asks weigh more than one-sided ones', async () => {
    const day = await seedDay(env);
    const [gadm, coop, other] = [
      await day.participant('0102', 'gadm'),
      await day.participant('JICA', 'cooperant'),
      await day.participant('CAF', 'cooperant'),
    ];
    const as = (id: string): Principal => ({ type: 'participant', participantId: id, eventId: day.eventId });
    env.clock.set('2026-11-22T15:00:00Z');
    const asked = await env.useCases.execute(RequestMeeting, as(gadm), { eventId: day.eventId, requesterId: gadm, counterpartId: coop });
    const accepted = await env.useCases.execute(AnswerRequest, as(coop), { eventId: day.eventId, meetingId: asked.id, answer: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', respondedAt: new Date('2026-11-22T15:00:00Z'), expiresAt: null });
    // The counterpart had asked first: the second ask accepts it as mutual.
    await env.useCases.execute(RequestMeeting, as(other), { eventId: day.eventId, requesterId: other, counterpartId: gadm });
    const mutual = await env.useCases.execute(RequestMeeting, as(gadm), { eventId: day.eventId, requesterId: gadm, counterpartId: other });
    expect(mutual).toMatchObject({ status: 'accepted', participantAId: other, note: 'interés mutuo / mutual interest' });
    expect(mutual.weight).toBeGreaterThan(accepted.weight);
  });
});
