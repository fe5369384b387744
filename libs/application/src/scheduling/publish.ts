import { z } from 'zod';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import { admins } from '../authorization';
import { useCase } from '../use-case';

export const PublishScheduleVersionCommand = z.object({ eventId: z.uuid(), versionId: z.uuid() }).strict();

/**
 * Publishes a draft: the previous published version is superseded, meetings take their slot
 * and table (status scheduled), meetings no longer placed go back to accepted. The unique
 * indexes on published versions and on (slot, table) of live meetings keep two concurrent
 * publishes from both winning. Everybody's agenda reloads: one event-wide message names nobody.
 */
export const PublishScheduleVersion = useCase({
  name: 'PublishScheduleVersion',
  command: PublishScheduleVersionCommand,
  authorize: admins,
  async run({ tx, now }, cmd) {
    await tx.lockEvent(cmd.eventId);
    const version = await tx.repos.schedules.find(cmd.eventId, cmd.versionId);
    if (!version) throw notFound(NOUNS.scheduleVersion, cmd.versionId);
    if (version.status !== 'draft') {
      throw conflict('not_draft', {
        es: `Solo se publica un borrador (esta versión está «${version.status}»)`,
        en: `Only a draft can be published (this version is "${version.status}")`,
      });
    }
    const published = await tx.repos.schedules.publish(cmd.eventId, cmd.versionId, now);
    tx.record(cmd.eventId, {
      type: 'schedule.published',
      participants: [],
      tables: [],
      payload: { versionId: cmd.versionId, number: version.number },
    });
    return published;
  },
});
