import { z } from 'zod';
import { DomainError, readCheckInCode } from '@rueda/domain';
import { formatDateTime } from '@rueda/i18n';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { CheckInDelegate } from './check-in';

export const CheckInByCodeCommand = z.object({ eventId: z.uuid(), code: z.string().min(1).max(200) }).strict();

/**
 * A check-in QR code scanned at the entrance or a table: its delegate is checked in (a second
 * scan changes nothing and says so); a forged, foreign or expired code checks nobody in.
 */
export const CheckInByCode = useCase({
  name: 'CheckInByCode',
  command: CheckInByCodeCommand,
  authorize: organisers,
  async run(ctx, cmd) {
    const { repos } = ctx.tx;
    const read = readCheckInCode(await repos.eventFacts.checkInKey(), cmd.eventId, cmd.code, ctx.now);
    if (!read.ok && read.reason === 'expired') {
      const zone = (await repos.eventFacts.timeZone(cmd.eventId)) ?? 'America/Guayaquil';
      const when = formatDateTime(read.expiresAt, zone);
      throw new DomainError(
        'gone',
        'checkin_code_expired',
        {
          es: `Este código QR caducó el ${when}: pida al delegado que abra su agenda de nuevo. No se registró a nadie.`,
          en: `This QR code expired on ${formatDateTime(read.expiresAt, zone, 'en')}: ask the delegate to open their agenda again. Nobody was checked in.`,
        },
        { details: { expiresAt: read.expiresAt.toISOString() } },
      );
    }
    const delegate = read.ok ? await repos.delegates.lock(cmd.eventId, read.delegateId) : null;
    if (!delegate) {
      const es = 'Este código QR no es un código de llegada de esta Jornada (o fue alterado). No se registró a nadie.';
      const en = 'This QR code is not a check-in code of this event (or it was altered). Nobody was checked in.';
      throw new DomainError('invalid', 'checkin_code_invalid', { es, en }, { fields: [{ path: 'code', es, en }] });
    }
    const r = await CheckInDelegate.run(ctx, { eventId: cmd.eventId, delegateId: delegate.id });
    const name = (await repos.participants.name(cmd.eventId, delegate.participantId)) ?? '';
    return { ...r, participant: { id: delegate.participantId, name } };
  },
});
