import { count, formatDate, formatDateTime, formatTime, formatTimeRange, timeZoneLabel, type Lang } from './format';
import type { MeetingView, Notice } from './kinds';

/** How an event presents itself in its emails (EventSettings.branding). */
export interface Branding {
  /** Header colour, `#rrggbb`. */
  color?: string;
  /** Who organises, shown under the event name and as the sender's name. */
  organiser?: string;
  /** An absolute https URL of a logo. */
  logoUrl?: string;
  /** A last line (address, phone). */
  footer?: string;
}

export interface EmailContext {
  event: { name: string; timeZone: string; venue?: string; branding?: Branding };
  participantName: string;
  links: {
    /** The participant's personal link, when it can be given (see docs/notifications.md). */
    personal?: string | null;
    /** Where the participant chooses channels or stops emails. */
    preferences?: string | null;
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Both = Record<Lang, string>;
interface Block {
  title: Both;
  lines: Both[];
  meetings?: MeetingView[];
}

const LANGS: Lang[] = ['es', 'en'];
const DEFAULT_COLOR = '#0b5c8c';

function when(m: MeetingView, tz: string, lang: Lang): string {
  if (!m.startsAt) return lang === 'es' ? 'hora por confirmar' : 'time to be confirmed';
  const range = m.endsAt ? formatTimeRange(m.startsAt, m.endsAt, tz, lang) : formatTime(m.startsAt, tz, lang);
  return `${formatDate(m.startsAt, tz, lang)} ${range}`;
}

function table(m: MeetingView, lang: Lang): string {
  if (m.tableNumber == null) return lang === 'es' ? 'mesa por confirmar' : 'table to be confirmed';
  return lang === 'es' ? `mesa ${m.tableNumber}` : `table ${m.tableNumber}`;
}

function topic(m: MeetingView, lang: Lang): string {
  return m.topic ? (lang === 'es' ? ` (tema: ${m.topic})` : ` (topic: ${m.topic})`) : '';
}

/** One meeting on one line: when, where, with whom. */
export function meetingLine(m: MeetingView, tz: string, lang: Lang): string {
  const withWhom = lang === 'es' ? `con ${m.counterpartName}` : `with ${m.counterpartName}`;
  return `${when(m, tz, lang)} · ${table(m, lang)} · ${withWhom}${topic(m, lang)}`;
}

function block(n: Notice, tz: string): Block {
  const both = (f: (l: Lang) => string): Both => ({ es: f('es'), en: f('en') });
  switch (n.kind) {
    case 'request.received':
      return {
        title: { es: 'Nueva solicitud de reunión', en: 'New meeting request' },
        lines: [
          both((l) =>
            l === 'es'
              ? `${n.meeting.counterpartName} le solicita una reunión${topic(n.meeting, l)}. Respóndala desde su enlace personal.`
              : `${n.meeting.counterpartName} asks you for a meeting${topic(n.meeting, l)}. Answer it from your personal link.`,
          ),
        ],
      };
    case 'request.accepted':
      return {
        title: { es: 'Solicitud aceptada', en: 'Request accepted' },
        lines: [
          both((l) =>
            l === 'es'
              ? `${n.meeting.counterpartName} aceptó su solicitud de reunión${topic(n.meeting, l)}. La hora y la mesa llegan con la agenda.`
              : `${n.meeting.counterpartName} accepted your meeting request${topic(n.meeting, l)}. Time and table come with the schedule.`,
          ),
        ],
      };
    case 'request.declined':
      return {
        title: { es: 'Solicitud no aceptada', en: 'Request declined' },
        lines: [
          both((l) =>
            l === 'es'
              ? `${n.meeting.counterpartName} no aceptó su solicitud de reunión${topic(n.meeting, l)}. Puede solicitar otras desde su enlace personal.`
              : `${n.meeting.counterpartName} declined your meeting request${topic(n.meeting, l)}. You can request others from your personal link.`,
          ),
        ],
      };
    case 'request.expiring':
      return {
        title: { es: 'Una solicitud está por vencer', en: 'A request is about to expire' },
        lines: [
          both((l) =>
            l === 'es'
              ? `La solicitud de reunión de ${n.meeting.counterpartName} vence el ${formatDateTime(n.expiresAt, tz)}; respóndala antes.`
              : `The meeting request from ${n.meeting.counterpartName} expires on ${formatDateTime(n.expiresAt, tz)}; answer it before then.`,
          ),
        ],
      };
    case 'meeting.confirmed':
      return {
        title: { es: 'Reunión agendada', en: 'Meeting set up' },
        lines: [
          both((l) =>
            l === 'es'
              ? `La organización agendó una reunión con ${n.meeting.counterpartName}${topic(n.meeting, l)}.`
              : `The organisers set up a meeting with ${n.meeting.counterpartName}${topic(n.meeting, l)}.`,
          ),
        ],
      };
    case 'schedule.published':
      return {
        title: { es: 'Su agenda de reuniones', en: 'Your meeting schedule' },
        lines: [
          both((l) =>
            n.meetings.length === 0
              ? l === 'es'
                ? 'Se publicó la agenda de reuniones; por ahora no tiene reuniones asignadas.'
                : 'The meeting schedule was published; you have no meetings in it for now.'
              : l === 'es'
                ? `Se publicó la agenda de reuniones. Tiene ${count('meetings', n.meetings.length, l)}:`
                : `The meeting schedule was published. You have ${count('meetings', n.meetings.length, l)}:`,
          ),
        ],
        meetings: n.meetings,
      };
    case 'meeting.moved':
      return {
        title: { es: 'Cambio en una reunión', en: 'A meeting changed' },
        lines: [
          both((l) =>
            l === 'es'
              ? `Su reunión con ${n.meeting.counterpartName} es ahora: ${when(n.meeting, tz, l)} · ${table(n.meeting, l)}.`
              : `Your meeting with ${n.meeting.counterpartName} is now: ${when(n.meeting, tz, l)} · ${table(n.meeting, l)}.`,
          ),
        ],
      };
    case 'meeting.cancelled':
      return {
        title:
          n.reason === 'cancelled'
            ? { es: 'Reunión cancelada', en: 'Meeting cancelled' }
            : { es: 'Reunión no realizada', en: 'Meeting not held' },
        lines: [
          both((l) => {
            const what = `${when(n.meeting, tz, l)} · ${table(n.meeting, l)}`;
            if (n.reason === 'cancelled')
              return l === 'es'
                ? `Se canceló su reunión con ${n.meeting.counterpartName} (${what}).`
                : `Your meeting with ${n.meeting.counterpartName} (${what}) was cancelled.`;
            return l === 'es'
              ? `Su reunión con ${n.meeting.counterpartName} (${what}) se registró como no realizada. Si es un error, avise a la organización.`
              : `Your meeting with ${n.meeting.counterpartName} (${what}) was recorded as not held. If this is wrong, tell the organisers.`;
          }),
        ],
      };
    case 'meeting.replaced':
      return {
        title: { es: 'Nueva reunión en su agenda', en: 'New meeting on your schedule' },
        lines: [
          both((l) =>
            l === 'es'
              ? `Tiene una nueva reunión con ${n.meeting.counterpartName}: ${when(n.meeting, tz, l)} · ${table(n.meeting, l)}${topic(n.meeting, l)}.`
              : `You have a new meeting with ${n.meeting.counterpartName}: ${when(n.meeting, tz, l)} · ${table(n.meeting, l)}${topic(n.meeting, l)}.`,
          ),
        ],
      };
    case 'meeting.delayed':
      return {
        title: { es: 'Reuniones retrasadas', en: 'Meetings delayed' },
        lines: [
          both((l) =>
            l === 'es'
              ? `Se retrasaron ${count('meetings', n.meetings.length, l)} de su agenda; nuevos horarios:`
              : `${count('meetings', n.meetings.length, l)} of your schedule moved later; new times:`,
          ),
        ],
        meetings: n.meetings,
      };
    case 'outcome.form':
      return {
        title: { es: 'Cuéntenos cómo le fue', en: 'Tell us how it went' },
        lines: [
          both((l) =>
            l === 'es'
              ? `La Jornada terminó. Registre el resultado de ${count('yourMeetings', n.heldMeetings, l)} en el formulario de su enlace personal.`
              : `The event is over. Record the outcome of ${count('yourMeetings', n.heldMeetings, l)} in the form behind your personal link.`,
          ),
        ],
      };
    case 'followup.reminder': {
      const months = (l: Lang) => count('months', n.months, l);
      const commitments = (l: Lang) =>
        n.commitments > 0
          ? l === 'es'
            ? ` Tiene ${count('openCommitments', n.commitments, l)}.`
            : ` You have ${count('openCommitments', n.commitments, l)}.`
          : '';
      return {
        title: { es: 'Seguimiento de la Jornada', en: 'Event follow-up' },
        lines: [
          both((l) =>
            l === 'es'
              ? `Han pasado ${months(l)} desde la Jornada. ¿Cómo avanzan los acuerdos de sus reuniones?${commitments(l)} Cuéntelo desde su enlace personal.`
              : `${months(l)} have passed since the event. How are the agreements of your meetings going?${commitments(l)} Tell us from your personal link.`,
          ),
        ],
      };
    }
    case 'no_meeting.reminder': {
      const days = (l: Lang) => count('daysLeft', n.daysLeft, l);
      return {
        title: { es: 'Aún no tiene reuniones', en: 'You have no meetings yet' },
        lines: [
          both((l) =>
            l === 'es'
              ? `${days(l)} para la Jornada y aún no tiene reuniones aceptadas. Revise sus afinidades y solicite reuniones desde su enlace personal.`
              : `The event is ${days(l)} away and you have no accepted meeting yet. Look at your matches and request meetings from your personal link.`,
          ),
        ],
      };
    }
    case 'review.returned':
      return {
        title: { es: 'Revise sus datos', en: 'Please review your data' },
        lines: [
          both((l) =>
            l === 'es'
              ? `La organización le devolvió sus datos con este comentario: «${n.comment}». Corríjalos desde su enlace personal.`
              : `The organisers returned your data with this comment: "${n.comment}". Correct it from your personal link.`,
          ),
        ],
      };
    case 'review.approved':
      return {
        title: { es: 'Datos aprobados', en: 'Data approved' },
        lines: [
          both((l) =>
            l === 'es' ? 'La organización aprobó los cambios de sus datos.' : 'The organisers approved the changes to your data.',
          ),
        ],
      };
  }
}

const GREETING: Both = { es: 'Hola', en: 'Hello' };
const TZ_NOTE = (tz: string): Both => ({
  es: `Horas en ${timeZoneLabel(tz, 'es')}, la zona horaria del evento.`,
  en: `Times in ${timeZoneLabel(tz, 'en')}, the event's time zone.`,
});

function linkLines(ctx: EmailContext, lang: Lang): string[] {
  const out: string[] = [];
  if (ctx.links.personal) out.push(`${lang === 'es' ? 'Su enlace personal' : 'Your personal link'}: ${ctx.links.personal}`);
  if (ctx.links.preferences)
    out.push(
      `${lang === 'es' ? 'Elegir avisos o dejar de recibir correos' : 'Choose notifications or stop emails'}: ${ctx.links.preferences}`,
    );
  return out;
}

function subjectOf(title: Both, ctx: EmailContext): string {
  return `${title.es} / ${title.en} · ${ctx.event.name}`;
}

function hasTimes(blocks: Block[]): boolean {
  return blocks.some((b) => (b.meetings?.length ?? 0) > 0 || b.lines.some((l) => /\d{2}:\d{2}/.test(l.es)));
}

function textOf(blocks: Block[], ctx: EmailContext, intro?: Both): string {
  const tz = ctx.event.timeZone;
  const parts = LANGS.map((lang) => {
    const lines = [`${GREETING[lang]}, ${ctx.participantName}:`, ''];
    if (intro) lines.push(intro[lang], '');
    for (const b of blocks) {
      if (blocks.length > 1) lines.push(`• ${b.title[lang]}`);
      for (const l of b.lines) lines.push(l[lang]);
      for (const m of b.meetings ?? []) lines.push(`  - ${meetingLine(m, tz, lang)}`);
      lines.push('');
    }
    if (hasTimes(blocks)) lines.push(TZ_NOTE(tz)[lang], '');
    lines.push(...linkLines(ctx, lang));
    return lines.join('\n').trimEnd();
  });
  const footer = [ctx.event.name, ctx.event.branding?.organiser, ctx.event.branding?.footer].filter(Boolean).join(' · ');
  return `${parts[0]}\n\n— English —\n\n${parts[1]}\n\n--\n${footer}\n`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const safeColor = (c: string | undefined) => (c && /^#[0-9a-f]{6}$/i.test(c) ? c : DEFAULT_COLOR);
const safeUrl = (u: string | undefined | null) => (u && /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : null);

function htmlOf(blocks: Block[], ctx: EmailContext, intro?: Both): string {
  const tz = ctx.event.timeZone;
  const b = ctx.event.branding ?? {};
  const color = safeColor(b.color);
  const logo = safeUrl(b.logoUrl);
  const e = escapeHtml;
  const section = (lang: Lang) => {
    const out: string[] = [`<div lang="${lang}">`, `<p>${e(GREETING[lang])}, ${e(ctx.participantName)}:</p>`];
    if (intro) out.push(`<p>${e(intro[lang])}</p>`);
    for (const bl of blocks) {
      out.push(`<h2 style="font-size:17px;margin:18px 0 6px;color:${color}">${e(bl.title[lang])}</h2>`);
      for (const l of bl.lines) out.push(`<p style="margin:0 0 8px">${e(l[lang])}</p>`);
      if (bl.meetings?.length) out.push(`<ul>${bl.meetings.map((m) => `<li>${e(meetingLine(m, tz, lang))}</li>`).join('')}</ul>`);
    }
    if (hasTimes(blocks)) out.push(`<p style="color:#555;font-size:13px">${e(TZ_NOTE(tz)[lang])}</p>`);
    const personal = safeUrl(ctx.links.personal);
    if (personal)
      out.push(
        `<p><a href="${e(personal)}" style="display:inline-block;background:${color};color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${
          lang === 'es' ? 'Abrir mi enlace personal' : 'Open my personal link'
        }</a></p>`,
      );
    const prefs = safeUrl(ctx.links.preferences);
    if (prefs)
      out.push(
        `<p style="font-size:13px"><a href="${e(prefs)}">${
          lang === 'es' ? 'Elegir avisos o dejar de recibir correos' : 'Choose notifications or stop emails'
        }</a></p>`,
      );
    out.push('</div>');
    return out.join('\n');
  };
  const header = [
    logo ? `<img src="${e(logo)}" alt="" height="40" style="vertical-align:middle;margin-right:10px">` : '',
    `<strong style="font-size:18px">${e(ctx.event.name)}</strong>`,
    b.organiser ? `<div style="font-size:13px">${e(b.organiser)}</div>` : '',
  ].join('');
  const footer = [ctx.event.venue, b.footer].filter(Boolean).map((s) => e(s!));
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(ctx.event.name)}</title></head>
<body style="margin:0;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;background:#f4f5f7">
<div style="max-width:600px;margin:0 auto;background:#fff">
<div style="background:${color};color:#fff;padding:16px 20px">${header}</div>
<div style="padding:16px 20px">
${section('es')}
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0">
${section('en')}
</div>
<div style="padding:12px 20px;font-size:12px;color:#666">${footer.join(' · ')}</div>
</div></body></html>`;
}

/** One notice as one email; several (a digest) as one email listing them all. */
export function renderNotices(notices: Notice[], ctx: EmailContext): RenderedEmail {
  if (notices.length === 0) throw new Error('renderNotices: nothing to render');
  const blocks = notices.map((n) => block(n, ctx.event.timeZone));
  if (blocks.length === 1) return { subject: subjectOf(blocks[0].title, ctx), text: textOf(blocks, ctx), html: htmlOf(blocks, ctx) };
  const updates: Both = {
    es: count('updates', blocks.length, 'es'),
    en: count('updates', blocks.length, 'en'),
  };
  const intro: Both = { es: `Tiene ${updates.es} en la Jornada:`, en: `You have ${updates.en} for the event:` };
  return {
    subject: subjectOf({ es: `Resumen: ${updates.es}`, en: `Digest: ${updates.en}` }, ctx),
    text: textOf(blocks, ctx, intro),
    html: htmlOf(blocks, ctx, intro),
  };
}

/** The invitation: what the event is, what the link lets the participant do, until when. */
export function renderInvitation(ctx: EmailContext & { deadline?: string | null }): RenderedEmail {
  const tz = ctx.event.timeZone;
  const venue = ctx.event.venue ? { es: ` en ${ctx.event.venue}`, en: ` at ${ctx.event.venue}` } : { es: '', en: '' };
  const lines: Both[] = [
    {
      es: `Le invitamos a la Rueda de Negocios de «${ctx.event.name}»${venue.es}.`,
      en: `You are invited to the business meetings of "${ctx.event.name}"${venue.en}.`,
    },
    {
      es: 'Con su enlace personal puede revisar y completar sus datos, sus delegados, su disponibilidad y sus demandas u ofertas, ver sus afinidades, solicitar y responder reuniones y, llegado el día, consultar su agenda.',
      en: 'With your personal link you can review and complete your data, delegates, availability and demands or offers, see your matches, request and answer meetings and, on the day, read your schedule.',
    },
    {
      es: 'El enlace es solo suyo: no lo reenvíe fuera de su institución.',
      en: 'The link is yours alone: do not forward it outside your institution.',
    },
  ];
  if (ctx.deadline)
    lines.push({
      es: `Puede modificar sus datos hasta el ${formatDateTime(ctx.deadline, tz)} (${timeZoneLabel(tz, 'es', ctx.deadline)}).`,
      en: `You can change your data until ${formatDateTime(ctx.deadline, tz, 'en')} (${timeZoneLabel(tz, 'en', ctx.deadline)}).`,
    });
  const blocks: Block[] = [{ title: { es: 'Invitación', en: 'Invitation' }, lines }];
  return {
    subject: subjectOf({ es: 'Invitación y enlace personal', en: 'Invitation and personal link' }, ctx),
    text: textOf(blocks, ctx),
    html: htmlOf(blocks, ctx),
  };
}

/** A short form of the same notices for channels with little room (Web Push). */
export function shortSummary(notices: Notice[], ctx: Pick<EmailContext, 'event'>, lang: Lang = 'es'): { title: string; body: string } {
  const blocks = notices.map((n) => block(n, ctx.event.timeZone));
  if (blocks.length === 1) {
    const first = blocks[0];
    const m = first.meetings?.[0];
    const extra = m ? ` ${meetingLine(m, ctx.event.timeZone, lang)}` : '';
    return { title: first.title[lang], body: `${first.lines[0][lang]}${extra}`.slice(0, 240) };
  }
  const title = count('updates', blocks.length, lang);
  return {
    title,
    body: blocks
      .map((b) => b.title[lang])
      .join(' · ')
      .slice(0, 240),
  };
}

export { formatDate, formatTime };

/** To someone who applied through the public registration form: received, or declined with the organisers' reason. */
export function renderRegistrationEmail(
  ctx: EmailContext,
  state: { status: 'pending' | 'approved' | 'rejected'; comment?: string | null },
): RenderedEmail {
  const block: Block =
    state.status === 'rejected'
      ? {
          title: { es: 'Solicitud de registro no aprobada', en: 'Registration not approved' },
          lines: [
            {
              es: `La organización no aprobó su registro en «${ctx.event.name}»${state.comment ? `: «${state.comment}»` : '.'}`,
              en: `The organisers did not approve your registration for "${ctx.event.name}"${state.comment ? `: "${state.comment}"` : '.'}`,
            },
          ],
        }
      : {
          title: { es: 'Recibimos su registro', en: 'We received your registration' },
          lines: [
            {
              es: `Gracias por registrarse en «${ctx.event.name}». La organización revisará su solicitud; si la aprueba, recibirá su enlace personal por correo.`,
              en: `Thank you for registering for "${ctx.event.name}". The organisers will review it; once approved you will receive your personal link by email.`,
            },
          ],
        };
  return { subject: subjectOf(block.title, ctx), text: textOf([block], ctx), html: htmlOf([block], ctx) };
}
