import { useEffect, useState, type FormEvent } from 'react';
import { call, client, type Schemas } from '../api';
import { saveSettings } from '../eventSettings';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { DayAssignment } from '../live-apply';
import type { EventRec, Participant, Slot, TableRec } from '../types';

type Proposal = Schemas['Proposal'];
import { ErrorBox, Field, Notice } from '../ui';

/** What the day's panels need to name slots, tables and people. */
export interface DayContext {
  event: EventRec;
  slots: Slot[];
  tables: TableRec[];
  participants: Participant[];
  slotById: Map<string, Slot>;
  tableById: Map<string, TableRec>;
  name: (id: string | null | undefined) => string;
  meetings: Map<string, Schemas['LiveMeeting']>;
  /** Reloads the grid and the proposals after a change. */
  changed: () => void;
}

export function useCellName(ctx: DayContext) {
  const { t, time } = useI18n();
  return (slotId: string | null | undefined, tableId: string | null | undefined) => {
    const s = slotId ? ctx.slotById.get(slotId) : undefined;
    const tb = tableId ? ctx.tableById.get(tableId) : undefined;
    return t('cell.name', { slot: s ? `${s.code} ${time(s.startsAt, ctx.event.timeZone)}` : '—', table: tb?.number ?? '—' });
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The engine's reasons name ids: read them as people, slots, tables and meetings. */
export function useReadableIds(ctx: DayContext) {
  const { t } = useI18n();
  const cellName = useCellName(ctx);
  return (text: string) =>
    text.replace(UUID, (id) => {
      if (ctx.slotById.has(id)) return cellName(id, null).split(' · ')[0];
      const tb = ctx.tableById.get(id);
      if (tb) return t('grid.tableN', { n: tb.number });
      const m = ctx.meetings.get(id);
      if (m) return pair(ctx, m.participantAId, m.participantBId);
      return ctx.name(id);
    });
}

const pair = (ctx: DayContext, a: string | undefined, b: string | undefined) => `${ctx.name(a)} ⇄ ${ctx.name(b)}`;

/** Automatic or confirm-first recovery, and the protected minutes (PATCH /events/:id settings). */
export function RecoveryMode({ ctx, reloadEvent }: { ctx: DayContext; reloadEvent: () => Promise<void> }) {
  const { t } = useI18n();
  const current = ctx.event.settings?.recoveryMode ?? 'automatic';
  const [mode, setMode] = useState<'automatic' | 'confirm'>(current);
  const [protect, setProtect] = useState(ctx.event.settings?.protectMinutes ?? 10);
  const [error, setError] = useState<unknown>();
  const [ok, setOk] = useState(false);
  useEffect(() => setMode(current), [current]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setOk(false);
    try {
      await saveSettings(ctx.event.id, { recoveryMode: mode, protectMinutes: protect });
      await reloadEvent();
      setOk(true);
    } catch (err) {
      setError(err);
      await reloadEvent();
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="recovery-title" className="recovery">
      <h3 id="recovery-title">{t('recovery.title')}</h3>
      <p className="muted small">{t('recovery.help')}</p>
      <fieldset className="radio-group">
        <legend>{t('recovery.mode')}</legend>
        {(['automatic', 'confirm'] as const).map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="recovery-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`recovery.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <Field label={t('recovery.protect')} hint={t('recovery.protectHint')}>
          {(id, h) => (
            <input
              id={id}
              aria-describedby={h}
              type="number"
              min={0}
              max={120}
              value={protect}
              onChange={(e) => setProtect(Number(e.target.value))}
            />
          )}
        </Field>
        <button type="submit" className="btn">
          {t('recovery.save')}
        </button>
      </div>
      <ErrorBox error={error} />
      {ok && <Notice kind="ok">{t('recovery.saved')}</Notice>}
    </form>
  );
}

/** Proposals waiting for the organiser (confirm-first mode) and the replacements recently applied. */
export function ProposalsPanel({ ctx, waiting, applied }: { ctx: DayContext; waiting: Proposal[]; applied: Proposal[] }) {
  const { t, pick, time, errorText } = useI18n();
  const cellName = useCellName(ctx);
  const [busy, setBusy] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const readable = useReadableIds(ctx);
  const reasonText = (r: Proposal['proposal']['reason']) => readable(typeof r === 'string' ? r : pick(r));
  const freedBy = (p: Proposal) => {
    const m = p.freedMeetingId ? ctx.meetings.get(p.freedMeetingId) : undefined;
    return m
      ? `${t('proposals.freedBy', { pair: pair(ctx, m.participantAId, m.participantBId) })} (${t(`status.${m.status}` as MessageKey)})`
      : '';
  };
  const resolve = async (p: Proposal, how: 'accept' | 'reject') => {
    setBusy(p.id);
    setMsg(null);
    try {
      const params = { path: { eventId: ctx.event.id, proposalId: p.id } };
      await call(
        how === 'accept'
          ? client.POST('/events/{eventId}/live/proposals/{proposalId}/accept', { params })
          : client.POST('/events/{eventId}/live/proposals/{proposalId}/reject', { params }),
      );
      setMsg({
        kind: 'ok',
        text:
          how === 'accept'
            ? t('proposals.accepted', {
                pair: pair(ctx, p.proposal.meeting?.a, p.proposal.meeting?.b),
                cell: cellName(p.slotId, p.tableId),
              })
            : t('proposals.rejected'),
      });
    } catch (e) {
      setMsg({ kind: 'error', text: readable(errorText(e)) });
    } finally {
      setBusy(null);
      ctx.changed();
    }
  };
  return (
    <section className="card" aria-labelledby="proposals-title">
      <div className="page-head">
        <h2 id="proposals-title">{t('proposals.title')}</h2>
        {waiting.length > 0 && <span className="badge badge-requested">{t('proposals.waiting', { n: waiting.length })}</span>}
      </div>
      <div aria-live="polite">{msg && <Notice kind={msg.kind}>{msg.text}</Notice>}</div>
      {waiting.length === 0 ? (
        <p className="muted">{t('proposals.none')}</p>
      ) : (
        <ul className="proposal-list">
          {waiting.map((p) => {
            const who = pair(ctx, p.proposal.meeting?.a, p.proposal.meeting?.b);
            const cell = cellName(p.slotId, p.tableId);
            return (
              <li key={p.id} className="proposal" data-proposal={p.id}>
                <div className="proposal-cell">
                  <span className="muted small">{t('proposals.freed')}</span>
                  <strong>{cell}</strong>
                  <span className="muted small">{freedBy(p)}</span>
                </div>
                <div className="proposal-main">
                  <div>
                    <span className="muted small">{t('proposals.proposed')}: </span>
                    <strong className="proposal-pair">{who}</strong>
                    {p.proposal.meeting?.source && <span className="badge">{t(`source.${p.proposal.meeting.source}` as MessageKey)}</span>}
                  </div>
                  {p.proposal.reason && (
                    <div className="small">
                      <span className="muted">{t('proposals.reason')}: </span>
                      {reasonText(p.proposal.reason)}
                    </div>
                  )}
                  {(p.proposal.moves?.length ?? 0) > 0 && (
                    <div className="small text-warn">{t('proposals.moves', { n: p.proposal.moves!.length })}</div>
                  )}
                  {p.proposal.requiresConfirmation && <div className="small text-warn">{t('proposals.protected')}</div>}
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={busy === p.id}
                    onClick={() => resolve(p, 'accept')}
                    aria-label={t('proposals.acceptLabel', { pair: who, cell })}
                  >
                    {t('proposals.accept')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    disabled={busy === p.id}
                    onClick={() => resolve(p, 'reject')}
                    aria-label={t('proposals.rejectLabel', { pair: who, cell })}
                  >
                    {t('proposals.reject')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {applied.length > 0 && (
        <>
          <h3>{t('proposals.recent')}</h3>
          <ul className="plain-list small recent-replacements">
            {applied.slice(0, 6).map((p) => (
              <li key={p.id}>
                <span className="feed-time">{time(p.resolvedAt ?? p.createdAt, ctx.event.timeZone)}</span>{' '}
                <strong>{pair(ctx, p.proposal.meeting?.a, p.proposal.meeting?.b)}</strong> → {cellName(p.slotId, p.tableId)}{' '}
                <span className="muted">
                  ({p.mode === 'automatic' ? t('proposals.auto') : t('proposals.byOrganiser')}
                  {freedBy(p) ? ` · ${freedBy(p)}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Keyboard alternative to dragging: choose the meeting and the target cell. */
export function MoveForm({
  slots,
  tables,
  timeZone,
  movable,
  onMove,
  onRemove,
  help,
}: {
  slots: Slot[];
  tables: TableRec[];
  timeZone: string;
  movable: DayAssignment[];
  onMove: (m: { meetingId: string; slotId: string; tableId: string }) => void;
  /** Drafts only: take the meeting out of the agenda. */
  onRemove?: (meetingId: string) => void;
  help?: string;
}) {
  const { t, time } = useI18n();
  const [meeting, setMeeting] = useState('');
  const [slot, setSlot] = useState('');
  const [table, setTable] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (meeting && slot && table) onMove({ meetingId: meeting, slotId: slot, tableId: table });
  };
  return (
    <form onSubmit={submit} aria-labelledby="move-title" className="move-form">
      <h3 id="move-title">{t('move.title')}</h3>
      <p className="muted small">{help ?? t('move.help')}</p>
      <div className="form-row">
        <Field label={t('move.meeting')} className="grow">
          {(id) => (
            <select id={id} value={meeting} onChange={(e) => setMeeting(e.target.value)} required>
              <option value="">—</option>
              {movable.map((a) => (
                <option
                  key={a.meetingId}
                  value={a.meetingId}
                >{`${a.participantA} ⇄ ${a.participantB} (${a.slot} · ${t('grid.tableN', { n: a.table })})`}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('move.slot')}>
          {(id) => (
            <select id={id} value={slot} onChange={(e) => setSlot(e.target.value)} required>
              <option value="">—</option>
              {slots.map((s) => (
                <option key={s.id} value={s.id}>{`${s.code} · ${time(s.startsAt, timeZone)}`}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('move.table')}>
          {(id) => (
            <select id={id} value={table} onChange={(e) => setTable(e.target.value)} required>
              <option value="">—</option>
              {tables.map((tb) => (
                <option key={tb.id} value={tb.id}>
                  {tb.number}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!meeting || !slot || !table}>
          {t('move.submit')}
        </button>
        {onRemove && (
          <button type="button" className="btn btn-danger" disabled={!meeting} onClick={() => onRemove(meeting)}>
            {t('sched.removeFromDraft')}
          </button>
        )}
      </div>
    </form>
  );
}

function ParticipantOptions({ participants }: { participants: Participant[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">—</option>
      <optgroup label={t('kind.gadms')}>
        {participants
          .filter((p) => p.kind === 'gadm')
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </optgroup>
      <optgroup label={t('kind.cooperants')}>
        {participants
          .filter((p) => p.kind === 'cooperant')
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </optgroup>
    </>
  );
}

/** Delay, walk-in and leaving early: the three changes of the day that are not a drag. */
export function DayOperations({ ctx, now }: { ctx: DayContext; now: number }) {
  const { t, time, errorText } = useI18n();
  const cellName = useCellName(ctx);
  const readable = useReadableIds(ctx);
  /** A refusal (409) explained with names instead of ids. */
  const explain = (err: unknown) => new Error(readable(errorText(err)));
  const open = ctx.slots.filter((s) => Date.parse(s.endsAt) > now);
  // Delay
  const [from, setFrom] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [scope, setScope] = useState<'slot' | 'rest-of-day'>('rest-of-day');
  const [delayMsg, setDelayMsg] = useState<string | null>(null);
  const [delayErr, setDelayErr] = useState<unknown>();
  const delay = async (e: FormEvent) => {
    e.preventDefault();
    setDelayErr(undefined);
    setDelayMsg(null);
    try {
      const r = await call(
        client.POST('/events/{eventId}/live/delays', {
          params: { path: { eventId: ctx.event.id } },
          // No open slot left: the API's 400 names the field.
          body: { fromSlotId: from || open[0]?.id || '', minutes, scope },
        }),
      );
      setDelayMsg(
        [t('delay.ok', { n: r.slots.length }), r.atRisk?.length ? t('delay.atRisk', { n: r.atRisk.length }) : ''].filter(Boolean).join(' '),
      );
      ctx.changed();
    } catch (err) {
      setDelayErr(explain(err));
    }
  };
  // Walk-in
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [wSlot, setWSlot] = useState('');
  const [wTable, setWTable] = useState('');
  const [walkMsg, setWalkMsg] = useState<string | null>(null);
  const [walkErr, setWalkErr] = useState<unknown>();
  const walkIn = async (e: FormEvent) => {
    e.preventDefault();
    setWalkErr(undefined);
    setWalkMsg(null);
    try {
      const m = await call(
        client.POST('/events/{eventId}/live/walk-ins', {
          params: { path: { eventId: ctx.event.id } },
          body: { participantAId: a, participantBId: b, ...(wSlot ? { slotId: wSlot } : {}), ...(wTable ? { tableId: wTable } : {}) },
        }),
      );
      setWalkMsg(t('walkin.ok', { pair: pair(ctx, a, b), cell: cellName(m.slotId, m.tableId) }));
      ctx.changed();
    } catch (err) {
      setWalkErr(explain(err));
    }
  };
  // Leave early
  const [who, setWho] = useState('');
  const [leaveMsg, setLeaveMsg] = useState<string | null>(null);
  const [leaveErr, setLeaveErr] = useState<unknown>();
  const leave = async (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('leave.confirm', { name: ctx.name(who) }))) return;
    setLeaveErr(undefined);
    setLeaveMsg(null);
    try {
      const r = await call(
        client.POST('/events/{eventId}/live/participants/{participantId}/leave', {
          params: { path: { eventId: ctx.event.id, participantId: who } },
          body: {},
        }),
      );
      setLeaveMsg(t('leave.ok', { name: ctx.name(who), n: r.freed.length }));
      ctx.changed();
    } catch (err) {
      setLeaveErr(explain(err));
    }
  };
  return (
    <section className="card" aria-labelledby="ops-title">
      <h2 id="ops-title">{t('ops.title')}</h2>
      <div className="ops-grid">
        <form onSubmit={delay} aria-labelledby="delay-title">
          <h3 id="delay-title">{t('delay.title')}</h3>
          <Field label={t('delay.from')}>
            {(id) => (
              <select id={id} value={from || open[0]?.id || ''} onChange={(e) => setFrom(e.target.value)}>
                {open.map((s) => (
                  <option key={s.id} value={s.id}>{`${s.code} · ${time(s.startsAt, ctx.event.timeZone)}`}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('delay.minutes')}>
            {(id) => <input id={id} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />}
          </Field>
          <Field label={t('delay.scope')}>
            {(id) => (
              <select id={id} value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
                <option value="slot">{t('delay.scopeSlot')}</option>
                <option value="rest-of-day">{t('delay.scopeRest')}</option>
              </select>
            )}
          </Field>
          <ErrorBox error={delayErr} />
          {delayMsg && <Notice kind="ok">{delayMsg}</Notice>}
          <button type="submit" className="btn btn-primary" disabled={open.length === 0}>
            {t('delay.submit')}
          </button>
        </form>
        <form onSubmit={walkIn} aria-labelledby="walkin-title">
          <h3 id="walkin-title">{t('walkin.title')}</h3>
          <p className="muted small">{t('walkin.help')}</p>
          <Field label={t('walkin.a')}>
            {(id) => (
              <select id={id} required value={a} onChange={(e) => setA(e.target.value)}>
                <ParticipantOptions participants={ctx.participants} />
              </select>
            )}
          </Field>
          <Field label={t('walkin.b')}>
            {(id) => (
              <select id={id} required value={b} onChange={(e) => setB(e.target.value)}>
                <ParticipantOptions participants={ctx.participants} />
              </select>
            )}
          </Field>
          <div className="form-row">
            <Field label={t('walkin.slot')}>
              {(id) => (
                <select id={id} value={wSlot} onChange={(e) => setWSlot(e.target.value)}>
                  <option value="">{t('walkin.first')}</option>
                  {open.map((s) => (
                    <option key={s.id} value={s.id}>{`${s.code} · ${time(s.startsAt, ctx.event.timeZone)}`}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('walkin.table')}>
              {(id) => (
                <select id={id} value={wTable} onChange={(e) => setWTable(e.target.value)}>
                  <option value="">{t('walkin.first')}</option>
                  {ctx.tables.map((tb) => (
                    <option key={tb.id} value={tb.id}>
                      {tb.number}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <ErrorBox error={walkErr} />
          {walkMsg && <Notice kind="ok">{walkMsg}</Notice>}
          <button type="submit" className="btn btn-primary" disabled={!a || !b || a === b}>
            {t('walkin.submit')}
          </button>
        </form>
        <form onSubmit={leave} aria-labelledby="leave-title">
          <h3 id="leave-title">{t('leave.title')}</h3>
          <p className="muted small">{t('leave.help')}</p>
          <Field label={t('leave.who')}>
            {(id) => (
              <select id={id} required value={who} onChange={(e) => setWho(e.target.value)}>
                <ParticipantOptions participants={ctx.participants} />
              </select>
            )}
          </Field>
          <ErrorBox error={leaveErr} />
          {leaveMsg && <Notice kind="ok">{leaveMsg}</Notice>}
          <button type="submit" className="btn btn-danger" disabled={!who}>
            {t('leave.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
