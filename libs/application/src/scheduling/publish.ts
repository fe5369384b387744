import { z } from 'zod';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import { formatBilingual } from '@rueda/i18n';
import { admins } from '../authorization';
import { useCase } from '../use-case';
import { checkDraft, type RebaseConflict, type UndoneChange } from './stale-draft';

export const PublishScheduleVersionCommand = z
  .object({
    eventId: z.uuid(),
    versionId: z.uuid(),
    /** After live changes the draft does not know: keep them (walk-ins keep their cell, moves their target). */
    rebase: z.boolean().default(false),
  })
  .strict();

const STALE = {
  es: 'Después de este borrador hubo {n, plural, one {# cambio en vivo} other {# cambios en vivo}} que publicarlo desharía (reuniones espontáneas, traslados, reemplazos): publíquelo conservándolos o genere uno nuevo',
  en: 'After this draft, {n, plural, one {# live change was} other {# live changes were}} made that publishing it would undo (walk-ins, moves, replacements): publish it keeping them, or generate a new one',
};

/**
 * Publishes a draft: the previous published version is superseded, meetings take their slot
 * and table (status scheduled), meetings no longer placed go back to accepted. The unique
 * indexes on published versions and on (slot, table) of live meetings keep two concurrent
 * publishes from both winning. Everybody's agenda reloads: one event-wide message names nobody.
 *
 * A draft records the live sequence it was asked at. When later live changes would be undone
 * (checkDraft), publishing is refused with the list of them (409 stale_draft) unless the
 * organiser rebases: those meetings keep their live cell, and draft placements that now clash
 * with the day are given up and listed.
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
    let rebased: { kept: UndoneChange[]; conflicts: RebaseConflict[] } | null = null;
    let plan: { keep: string[]; skip: string[] } | undefined;
    const day = await tx.repos.schedules.liveSince(cmd.eventId, version.liveSeq ?? Number.MAX_SAFE_INTEGER);
    if (version.liveSeq !== null && day.head > version.liveSeq) {
      const check = checkDraft(day.touched, day.holding, await tx.repos.schedules.draftPlacements(cmd.versionId));
      if (check.undone.length && !cmd.rebase) {
        throw conflict('stale_draft', formatBilingual(STALE, { n: check.undone.length }), {
          draftLiveSeq: version.liveSeq,
          liveSeq: day.head,
          changes: check.undone,
        });
      }
      if (cmd.rebase) {
        plan = { keep: check.keep, skip: check.conflicts.map((c) => c.meetingId) };
        rebased = { kept: check.undone, conflicts: check.conflicts };
      }
    }
    const published = await tx.repos.schedules.publish(cmd.eventId, cmd.versionId, now, plan);
    tx.record(cmd.eventId, {
      type: 'schedule.published',
      participants: [],
      tables: [],
      payload: { versionId: cmd.versionId, number: version.number },
    });
    return { ...published, rebased };
  },
});
