import { useState, type DragEvent } from 'react';
import { useI18n } from './i18n';
import type { DayAssignment } from './live-apply';
import type { Slot, TableRec } from './types';
import { StatusBadge } from './ui';

export interface GridMove {
  meetingId: string;
  slotId: string;
  tableId: string;
}

/** Statuses that no longer occupy their cell (the table is free again). */
export const FREED = new Set(['no_show', 'cancelled']);

/**
 * The slot × table grid of a schedule. `byTable` turns it round (tables as rows) for the control
 * room; `statuses` colours cells by the live meeting status. With `onMove`, meetings for which
 * `canDrag` says yes can be dragged onto another cell (the keyboard alternative is a form next
 * to the grid). A cell may hold a freed meeting (no-show, cancelled) and the one that replaced it:
 * the active one is shown, the freed one as an alert line.
 */
export function ScheduleGrid({
  slots,
  tables,
  assignments,
  timeZone,
  statuses,
  byTable = false,
  caption,
  onMove,
  canDrag,
  selected,
  snapBack,
  highlight,
}: {
  slots: Slot[];
  tables: TableRec[];
  assignments: DayAssignment[];
  timeZone: string;
  statuses?: Map<string, string>;
  byTable?: boolean;
  caption: string;
  onMove?: (m: GridMove) => void;
  canDrag?: (a: DayAssignment) => boolean;
  selected?: string | null;
  snapBack?: string | null;
  highlight?: Set<string>;
}) {
  const { t, time } = useI18n();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const statusOf = (a: DayAssignment) => statuses?.get(a.meetingId) ?? 'scheduled';
  const cells = new Map<string, { active?: DayAssignment; freed: DayAssignment[] }>();
  for (const a of assignments) {
    const key = `${a.slotId}|${a.tableId}`;
    const c = cells.get(key) ?? { freed: [] };
    if (statuses && FREED.has(statusOf(a))) c.freed.push(a);
    else if (!c.active) c.active = a;
    else c.freed.push(a);
    cells.set(key, c);
  }
  const usedTables = tables.length
    ? tables
    : [...new Map(assignments.map((a) => [a.tableId, { id: a.tableId, number: a.table, label: '' }])).values()].sort(
        (x, y) => x.number - y.number,
      );
  const slotHead = (s: Slot) => (
    <>
      <span className="grid-slot-code">{s.code}</span>
      <span className="grid-slot-time">{time(s.startsAt, timeZone)}</span>
    </>
  );
  const dropProps = (key: string, s: Slot, tb: Pick<TableRec, 'id' | 'number' | 'label'>) =>
    onMove
      ? {
          onDragOver: (e: DragEvent) => {
            if (!dragging) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            if (over !== key) setOver(key);
          },
          onDragLeave: () => setOver((o) => (o === key ? null : o)),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            const id = e.dataTransfer.getData('text/plain') || dragging;
            setOver(null);
            setDragging(null);
            if (id) onMove({ meetingId: id, slotId: s.id, tableId: tb.id });
          },
        }
      : {};
  const cell = (s: Slot, tb: Pick<TableRec, 'id' | 'number' | 'label'>) => {
    const key = `${s.id}|${tb.id}`;
    const c = cells.get(key);
    const a = c?.active;
    const freed = c?.freed ?? [];
    const overCls = over === key ? ' drop-over' : '';
    const common = { 'data-slot': s.id, 'data-table': tb.id, ...dropProps(key, s, tb) };
    const freedLines = freed.map((f) => (
      <span key={f.meetingId} className="grid-freed" data-freed={f.meetingId}>
        <span aria-hidden="true">⚠ </span>
        {t(statusOf(f) === 'no_show' ? 'status.no_show' : 'status.cancelled')}: {f.participantA} ⇄ {f.participantB}
      </span>
    ));
    if (!a) {
      return (
        <td key={key} className={`grid-cell ${freed.length ? `st-${statusOf(freed[0])} freed` : 'empty'}${overCls}`} {...common}>
          {freedLines}
          {!freed.length && <span className="visually-hidden">{t('grid.free')}</span>}
        </td>
      );
    }
    const status = statuses ? statusOf(a) : undefined;
    const drag = !!onMove && (canDrag ? canDrag(a) : true);
    const cls = [
      'grid-cell',
      status ? `st-${status}` : 'st-scheduled',
      a.mandatory ? 'mandatory' : '',
      drag ? 'draggable' : '',
      overCls.trim(),
      freed.length ? 'has-freed' : '',
      selected === a.meetingId ? 'selected' : '',
      snapBack === a.meetingId ? 'snap-back' : '',
      highlight?.has(a.meetingId) ? 'flash' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <td
        key={key}
        className={cls}
        data-meeting={a.meetingId}
        title={`${a.participantA} ⇄ ${a.participantB}${drag ? ` — ${t('move.dragHint')}` : ''}`}
        {...common}
        draggable={drag || undefined}
        onDragStart={
          drag
            ? (e) => {
                e.dataTransfer.setData('text/plain', a.meetingId);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(a.meetingId);
              }
            : undefined
        }
        onDragEnd={
          drag
            ? () => {
                setDragging(null);
                setOver(null);
              }
            : undefined
        }
      >
        {freedLines}
        <span className="grid-a">{a.participantA}</span>
        <span className="grid-b">{a.participantB}</span>
        {status && <StatusBadge status={status} />}
        {selected === a.meetingId && <span className="visually-hidden">{t('move.selectHint')}</span>}
      </td>
    );
  };
  return (
    <>
      <div className={`table-scroll grid-scroll${dragging ? ' is-dragging' : ''}`} tabIndex={0} role="region" aria-label={caption}>
        <table className="grid">
          <caption className="visually-hidden">{caption}</caption>
          {byTable ? (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('grid.table')}</th>
                  {slots.map((s) => (
                    <th key={s.id} scope="col">
                      {slotHead(s)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {usedTables.map((tb) => (
                  <tr key={tb.id}>
                    <th scope="row">{t('grid.tableN', { n: tb.number })}</th>
                    {slots.map((s) => cell(s, tb))}
                  </tr>
                ))}
              </tbody>
            </>
          ) : (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('grid.slot')}</th>
                  {usedTables.map((tb) => (
                    <th key={tb.id} scope="col">
                      {t('grid.tableN', { n: tb.number })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {slots.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{slotHead(s)}</th>
                    {usedTables.map((tb) => cell(s, tb))}
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      </div>
      <p className="muted small">{t('grid.legend')}</p>
    </>
  );
}
