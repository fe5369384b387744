import { parseEmail } from '@rueda/importing';

export interface ContactSource {
  participant: { email: string | null };
  delegates: { fullName: string; email: string | null }[];
}

export type ContactProblem = { kind: 'invalid'; source: 'participant' | 'delegate'; who: string; value: string } | { kind: 'missing' };

/**
 * The addresses an email to a participant goes to: its own address and its delegates', once
 * each. Whatever cannot be used is listed (an invalid address, or no address at all), so an
 * organiser sees it before sending instead of a participant silently left out.
 */
export function participantContacts(src: ContactSource): { to: string[]; problems: ContactProblem[] } {
  const to: string[] = [];
  const problems: ContactProblem[] = [];
  const add = (raw: string | null, source: 'participant' | 'delegate', who: string) => {
    if (raw === null || raw.trim() === '') return;
    const email = parseEmail(raw);
    if (email === undefined) problems.push({ kind: 'invalid', source, who, value: raw });
    else if (!to.includes(email)) to.push(email);
  };
  add(src.participant.email, 'participant', '');
  for (const d of src.delegates) add(d.email, 'delegate', d.fullName);
  if (to.length === 0 && problems.length === 0) problems.push({ kind: 'missing' });
  return { to, problems };
}

/** One line per problem, Spanish and English, for the organisers' list before sending. */
export function describeContactProblem(p: ContactProblem): { es: string; en: string } {
  if (p.kind === 'missing') return { es: 'sin correo electrónico', en: 'no email address' };
  const whoEs = p.source === 'participant' ? 'correo del participante' : `correo del delegado ${p.who}`;
  const whoEn = p.source === 'participant' ? "participant's email" : `email of delegate ${p.who}`;
  return { es: `${whoEs} inválido: «${p.value}»`, en: `invalid ${whoEn}: "${p.value}"` };
}
