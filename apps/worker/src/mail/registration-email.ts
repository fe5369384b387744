import { EntityManager } from 'typeorm';
import { renderRegistrationEmail as render, type EmailContext, type RenderedEmail } from '@rueda/notifications';
import { EmailMessageEntity, RegistrationEntity } from '@rueda/persistence';

/** The email to an applicant of the public registration form, as its registration stands now. */
export async function renderRegistrationEmail(m: EntityManager, msg: EmailMessageEntity, ctx: EmailContext): Promise<RenderedEmail | null> {
  const reg = msg.registrationId ? await m.getRepository(RegistrationEntity).findOneBy({ id: msg.registrationId }) : null;
  if (!reg) return null;
  const name = String((reg.data as { name?: unknown }).name ?? '');
  return render({ ...ctx, participantName: name, links: {} }, { status: reg.status, comment: reg.reviewComment });
}
