import { DomainError } from '@rueda/domain';
import type { NotificationPrefs, NotificationRecord, Repositories, Tx, UnitOfWork } from '../index';
import { UseCases } from '../use-case';
import { MyNotifications, ParticipantNotifications, SetNotificationPrefs } from './notification-prefs';

const EVENT = '00000000-0000-4000-8000-000000000001';
const ANA = '00000000-0000-4000-8000-0000000000a1';
const LUIS = '00000000-0000-4000-8000-0000000000b2';

/** An in-memory unit of work: prefs by participant, and whether a participant is in the event. */
function world() {
  const prefs = new Map<string, NotificationPrefs>();
  const notices: NotificationRecord[] = [
    {
      id: 'n1',
      kind: 'meeting.moved',
      notice: { kind: 'meeting.moved' },
      status: 'sent',
      channels: {},
      createdAt: new Date(0),
      sentAt: null,
    },
  ];
  const repos = {
    notifications: {
      prefs: async (pid: string) => prefs.get(pid) ?? { email: true, push: true },
      savePrefs: async (_e: string, pid: string, p: NotificationPrefs) => void prefs.set(pid, p),
      recent: async (_pid: string, limit: number) => notices.slice(0, limit),
    },
    participants: { name: async (eventId: string, pid: string) => (eventId === EVENT && pid === ANA ? 'Ana' : null) },
  } as unknown as Repositories;
  const uow: UnitOfWork = {
    run: (fn) => fn({ repos } as Tx),
    read: (fn) => fn(repos),
  };
  return { prefs, useCases: new UseCases(uow, { now: () => new Date(0) }) };
}

const ana = { type: 'participant' as const, participantId: ANA, eventId: EVENT };
const staff = { type: 'user' as const, userId: LUIS, role: 'staff' as const, email: 'l@x.ec' };

describe('notification channels', () => {
  it('a participant turns email off and keeps push as it was', async () => {
    const w = world();
    await expect(w.useCases.execute(SetNotificationPrefs, ana, { eventId: EVENT, participantId: ANA, email: false })).resolves.toEqual({
      email: false,
      push: true,
    });
    expect(w.prefs.get(ANA)).toEqual({ email: false, push: true });
  });

  it('only through its own link: another participant, or an organiser, is refused and nothing is written', async () => {
    const w = world();
    const other = { ...ana, participantId: LUIS };
    await expect(
      w.useCases.execute(SetNotificationPrefs, other, { eventId: EVENT, participantId: ANA, email: false }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(
      w.useCases.execute(SetNotificationPrefs, staff, { eventId: EVENT, participantId: ANA, push: false }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(w.useCases.ask(MyNotifications, other, { eventId: EVENT, participantId: ANA })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(w.prefs.size).toBe(0);
  });

  it('organisers read a participant of the event; one of no event is not found', async () => {
    const w = world();
    await expect(w.useCases.ask(ParticipantNotifications, staff, { eventId: EVENT, participantId: ANA })).resolves.toMatchObject({
      preferences: { email: true, push: true },
      items: [{ id: 'n1' }],
    });
    await expect(w.useCases.ask(ParticipantNotifications, staff, { eventId: EVENT, participantId: LUIS })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(w.useCases.ask(ParticipantNotifications, ana, { eventId: EVENT, participantId: ANA })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
