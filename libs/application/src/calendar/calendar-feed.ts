import { z } from 'zod';
import { hashToken, newToken, NOUNS, notFound } from '@rueda/domain';
import { itself } from '../authorization';
import { query, useCase } from '../use-case';

/** Calendar feed tokens are told apart from access links by their prefix. */
export const CALENDAR_PREFIX = 'rc_';
/** How often calendars are asked to fetch the feed again. */
export const FEED_REFRESH_MINUTES = 15;

const Own = z.object({ eventId: z.uuid(), participantId: z.uuid() }).strict();

/**
 * A new calendar subscription link for the participant (the previous one stops working). It is
 * a secret apart from the access link (calendar apps keep URLs in plain sight), shown once: the
 * server keeps only its hash.
 */
export const IssueCalendarFeed = useCase({
  name: 'IssueCalendarFeed',
  command: Own,
  authorize: itself,
  async run({ tx, now }, cmd) {
    if (!(await tx.repos.calendarFeeds.issuedAt(cmd.eventId, cmd.participantId))) throw notFound(NOUNS.participant, cmd.participantId);
    const token = newToken(CALENDAR_PREFIX);
    await tx.repos.calendarFeeds.set(cmd.eventId, cmd.participantId, { hash: hashToken(token), issuedAt: now });
    return { token, path: `/calendar/${token}.ics`, issuedAt: now, refreshMinutes: FEED_REFRESH_MINUTES };
  },
});

/** The participant turns its calendar subscription off. */
export const RevokeCalendarFeed = useCase({
  name: 'RevokeCalendarFeed',
  command: Own,
  authorize: itself,
  async run({ tx }, cmd) {
    await tx.repos.calendarFeeds.set(cmd.eventId, cmd.participantId, null);
    return { active: false as const };
  },
});

/** Whether the participant has a calendar link, and since when. */
export const MyCalendarFeed = query({
  name: 'MyCalendarFeed',
  input: Own,
  authorize: itself,
  async run({ repos }, q) {
    const row = await repos.calendarFeeds.issuedAt(q.eventId, q.participantId);
    if (!row) throw notFound(NOUNS.participant, q.participantId);
    return { active: !!row.issuedAt, issuedAt: row.issuedAt };
  },
});
