import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { itself, organisers } from '../authorization';
import type { NotificationPrefs, NotificationRecord } from '../ports/repositories';
import { query, useCase } from '../use-case';

const Who = { eventId: z.uuid(), participantId: z.uuid() };

export const SetNotificationPrefsCommand = z.object({ ...Who, email: z.boolean().optional(), push: z.boolean().optional() }).strict();

/** A participant turns its email or push notices on or off (what it leaves out stays as it was). */
export const SetNotificationPrefs = useCase({
  name: 'SetNotificationPrefs',
  command: SetNotificationPrefsCommand,
  authorize: itself,
  async run({ tx }, cmd): Promise<NotificationPrefs> {
    const current = await tx.repos.notifications.prefs(cmd.participantId);
    const next = { email: cmd.email ?? current.email, push: cmd.push ?? current.push };
    await tx.repos.notifications.savePrefs(cmd.eventId, cmd.participantId, next);
    return next;
  },
});

export const MyNotificationPrefs = query({
  name: 'MyNotificationPrefs',
  input: z.object(Who).strict(),
  authorize: itself,
  run: ({ repos }, q) => repos.notifications.prefs(q.participantId),
});

/** What a participant was told lately (its last 100 notices), through its own link. */
export const MyNotifications = query({
  name: 'MyNotifications',
  input: z.object(Who).strict(),
  authorize: itself,
  run: ({ repos }, q): Promise<NotificationRecord[]> => repos.notifications.recent(q.participantId, 100),
});

/** For the organisers: a participant's channels and its last 200 notices with how each went out. */
export const ParticipantNotifications = query({
  name: 'ParticipantNotifications',
  input: z.object(Who).strict(),
  authorize: organisers,
  async run({ repos }, q): Promise<{ preferences: NotificationPrefs; items: NotificationRecord[] }> {
    if ((await repos.participants.name(q.eventId, q.participantId)) === null) throw notFound(NOUNS.participant, q.participantId);
    const [preferences, items] = await Promise.all([
      repos.notifications.prefs(q.participantId),
      repos.notifications.recent(q.participantId, 200),
    ]);
    return { preferences, items };
  },
});
