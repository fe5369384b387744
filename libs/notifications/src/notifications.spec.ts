import {
  delayNotices,
  dueReminders,
  meetingChangeNotices,
  participantContacts,
  count,
  renderInvitation,
  renderNotices,
  schedulePublishedNotices,
  shortSummary,
  type EmailContext,
  type MeetingFact,
  type PartyFact,
} from './index';

const gadm: PartyFact = { id: 'p-gadm', name: 'GAD Municipal de Cuenca', kind: 'gadm' };
const jica: PartyFact = { id: 'p-jica', name: 'JICA', kind: 'cooperant' };
const giz: PartyFact = { id: 'p-giz', name: 'GIZ', kind: 'cooperant' };

const meeting = (over: Partial<MeetingFact> = {}): MeetingFact => ({
  id: 'm-1',
  status: 'requested',
  origin: 'request',
  a: gadm,
  b: jica,
  topic: 'Agua potable',
  startsAt: '2026-11-25T15:20:00.000Z',
  endsAt: '2026-11-25T15:40:00.000Z',
  tableNumber: 5,
  ...over,
});

const ctx: EmailContext = {
  event: { name: 'Jornada 2026', timeZone: 'America/Guayaquil', venue: 'Quito', branding: { color: '#123456', organiser: 'AME' } },
  participantName: 'GAD Municipal de Cuenca',
  links: { personal: 'https://rueda.example/app/a/rp_x', preferences: 'https://rueda.example/app/a/rp_x/avisos' },
};

describe('participantContacts', () => {
  it('lists every usable address once and every unusable one by name', () => {
    const r = participantContacts({
      participant: { email: 'Alcaldia@Cuenca.gob.ec' },
      delegates: [
        { fullName: 'Ana', email: 'mailto:alcaldia@cuenca.gob.ec' },
        { fullName: 'Luis', email: 'luis@@cuenca' },
        { fullName: 'Eva', email: null },
        { fullName: 'Rosa', email: 'rosa@cuenca.gob.ec' },
      ],
    });
    expect(r.to).toEqual(['alcaldia@cuenca.gob.ec', 'rosa@cuenca.gob.ec']);
    expect(r.problems).toEqual([{ kind: 'invalid', source: 'delegate', who: 'Luis', value: 'luis@@cuenca' }]);
  });

  it('says so when a participant has no address at all', () => {
    expect(participantContacts({ participant: { email: null }, delegates: [] })).toEqual({ to: [], problems: [{ kind: 'missing' }] });
  });
});

describe('who is told what', () => {
  it('a new request goes to the asked participant only, an answer to the requester only', () => {
    expect(meetingChangeNotices('meeting.created', meeting(), 's1').map((n) => [n.participantId, n.notice.kind])).toEqual([
      ['p-jica', 'request.received'],
    ]);
    expect(
      meetingChangeNotices('meeting.updated', meeting({ status: 'accepted' }), 's2').map((n) => [n.participantId, n.notice.kind]),
    ).toEqual([['p-gadm', 'request.accepted']]);
    expect(
      meetingChangeNotices('meeting.updated', meeting({ status: 'declined' }), 's3').map((n) => [n.participantId, n.notice.kind]),
    ).toEqual([['p-gadm', 'request.declined']]);
  });

  it('each side sees the other one by name, never by id, and a no-show names nobody', () => {
    const out = meetingChangeNotices('meeting.updated', meeting({ status: 'no_show' }), 's4');
    expect(out).toHaveLength(2);
    for (const n of out) {
      const other = n.participantId === gadm.id ? jica : gadm;
      const json = JSON.stringify(n.notice);
      expect(json).not.toContain(other.id);
      expect(json).toContain(other.name);
      expect(n.notice).toMatchObject({ kind: 'meeting.cancelled', reason: 'not_held' });
    }
  });

  it('staff marks (checked in, held) and withdrawn requests notify nobody', () => {
    expect(meetingChangeNotices('meeting.updated', meeting({ status: 'checked_in' }), 'x')).toEqual([]);
    expect(meetingChangeNotices('meeting.updated', meeting({ status: 'held' }), 'x')).toEqual([]);
    expect(meetingChangeNotices('meeting.updated', meeting({ status: 'cancelled', startsAt: null }), 'x')).toEqual([]);
  });

  it('a move reaches both sides; a replacement is announced as a new meeting', () => {
    expect(meetingChangeNotices('meeting.updated', meeting({ status: 'scheduled' }), 'x').map((n) => n.notice.kind)).toEqual([
      'meeting.moved',
      'meeting.moved',
    ]);
    expect(
      meetingChangeNotices('meeting.created', meeting({ status: 'scheduled', origin: 'replacement' }), 'x').map((n) => n.notice.kind),
    ).toEqual(['meeting.replaced', 'meeting.replaced']);
  });

  it('a published schedule gives everybody its own agenda, in time order, and an empty one to those without meetings', () => {
    const early = meeting({ id: 'm-2', b: giz, startsAt: '2026-11-25T14:00:00.000Z' });
    const out = schedulePublishedNotices('v1', [gadm, jica, giz, { id: 'p-none', name: 'Nadie', kind: 'gadm' }], [meeting(), early]);
    const by = Object.fromEntries(out.map((n) => [n.participantId, n.notice]));
    expect(by['p-gadm']).toMatchObject({ kind: 'schedule.published', meetings: [{ meetingId: 'm-2' }, { meetingId: 'm-1' }] });
    expect(by['p-jica']).toMatchObject({ meetings: [{ meetingId: 'm-1', counterpartName: 'GAD Municipal de Cuenca' }] });
    expect(JSON.stringify(by['p-jica'])).not.toContain('GIZ');
    expect(by['p-none']).toEqual({ kind: 'schedule.published', meetings: [] });
    expect(new Set(out.map((n) => n.dedupeKey))).toEqual(new Set(['schedule:v1']));
  });

  it('a delay tells only the participants of meetings still to happen', () => {
    const out = delayNotices('7', [meeting({ status: 'scheduled' }), meeting({ id: 'm-9', status: 'held', b: giz })]);
    expect(out.map((n) => n.participantId).sort()).toEqual(['p-gadm', 'p-jica']);
  });
});

describe('reminders by date', () => {
  const ev = {
    timeZone: 'America/Guayaquil',
    firstStart: '2026-11-25T14:00:00.000Z',
    lastEnd: '2026-11-25T23:30:00.000Z',
    noMeetingReminderDays: 3,
  };
  const people = [
    { id: 'none', booked: 0, held: 0, commitments: 0 },
    { id: 'busy', booked: 4, held: 3, commitments: 2 },
  ];
  const at = (iso: string) => dueReminders(new Date(iso), ev, people).map((r) => `${r.participantId}:${r.dedupeKey}`);

  it('reminds those without accepted meetings within N days before the event, not earlier, not after it starts', () => {
    expect(at('2026-11-21T12:00:00.000Z')).toEqual([]);
    expect(at('2026-11-23T12:00:00.000Z')).toEqual(['none:no-meeting']);
    expect(dueReminders(new Date('2026-11-23T12:00:00.000Z'), ev, people)[0].notice).toEqual({ kind: 'no_meeting.reminder', daysLeft: 2 });
    expect(at('2026-11-25T15:00:00.000Z')).toEqual([]);
  });

  it('asks for the outcome form once the event is over, and follows up at 3, 6 and 12 months (the latest due only)', () => {
    expect(at('2026-11-26T12:00:00.000Z')).toEqual(['busy:outcome-form']);
    expect(at('2027-02-25T15:00:00.000Z')).toEqual(['busy:followup:3']);
    expect(at('2027-05-26T15:00:00.000Z')).toEqual(['busy:followup:6']);
    expect(at('2027-11-25T15:00:00.000Z')).toEqual(['busy:followup:12']);
    expect(at('2028-01-10T15:00:00.000Z')).toEqual([]);
  });
});

describe('emails', () => {
  it('Spanish first, English second, a plain-text part, the time zone named, es-EC formats', () => {
    const n = meetingChangeNotices('meeting.updated', meeting({ status: 'scheduled' }), 's')[0];
    const mail = renderNotices([n.notice], ctx);
    expect(mail.subject).toBe('Cambio en una reunión / A meeting changed · Jornada 2026');
    expect(mail.text.indexOf('Hola')).toBeLessThan(mail.text.indexOf('Hello'));
    expect(mail.text).toContain('Su reunión con JICA es ahora: 25/11/2026 10:20–10:40 · mesa 5.');
    expect(mail.text).toContain('Your meeting with JICA is now: 25/11/2026 10:20–10:40 · table 5.');
    expect(mail.text).toContain('Horas en hora de Ecuador (GMT−5), la zona horaria del evento.');
    expect(mail.text).toContain("Times in Ecuador Time (GMT−5), the event's time zone.");
    expect(mail.text).toContain('https://rueda.example/app/a/rp_x/avisos');
    expect(mail.html).toContain('href="https://rueda.example/app/a/rp_x/avisos"');
    expect(mail.html).toContain('background:#123456');
  });

  it('a digest lists every notice under one subject, with correct plurals', () => {
    const notices = [
      ...meetingChangeNotices('meeting.created', meeting(), 'a'),
      ...meetingChangeNotices('meeting.created', meeting({ id: 'm-3', a: giz }), 'b'),
    ].map((n) => n.notice);
    const mail = renderNotices(notices, { ...ctx, participantName: 'JICA' });
    expect(mail.subject).toBe('Resumen: 2 novedades / Digest: 2 updates · Jornada 2026');
    expect(mail.text).toContain('GAD Municipal de Cuenca le solicita una reunión (tema: Agua potable).');
    expect(mail.text).toContain('GIZ le solicita una reunión');
    expect(count('meetings', 1, 'es')).toBe('1 reunión');
    expect(count('meetings', 1550, 'es')).toBe('1.550 reuniones');
    expect(count('meetings', 1550, 'en')).toBe('1,550 meetings');
    expect(count('daysLeft', 3, 'es')).toBe('Faltan 3 días');
  });

  it('escapes what participants typed', () => {
    const mail = renderNotices([{ kind: 'review.returned', comment: '<script>alert(1)</script>' }], ctx);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('«<script>alert(1)</script>»');
  });

  it('an invitation carries the personal link and the deadline in the event time', () => {
    const mail = renderInvitation({ ...ctx, deadline: '2026-11-20T04:59:00.000Z' });
    expect(mail.subject).toBe('Invitación y enlace personal / Invitation and personal link · Jornada 2026');
    expect(mail.text).toContain('Su enlace personal: https://rueda.example/app/a/rp_x');
    expect(mail.text).toContain('hasta el 19/11/2026 23:59 (hora de Ecuador (GMT−5))');
  });

  it('a short summary fits a push message', () => {
    const s = shortSummary([{ kind: 'no_meeting.reminder', daysLeft: 1 }], ctx);
    expect(s.title).toBe('Aún no tiene reuniones');
    expect(s.body).toMatch(/^Falta 1 día para la Jornada/);
  });
});
