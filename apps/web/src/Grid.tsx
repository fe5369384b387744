import { useI18n } from './i18n';
import type { Assignment, Slot, TableRec } from './types';
import { StatusBadge } from './ui';

/**
 * The slot × table grid of a schedule. `byTable` turns it round (tables as rows) for the control
 * room; `statuses` colours cells by the live meeting status.
 */
export function ScheduleGrid({ slots, tables, assignments, timeZone, statuses, byTable = false, caption }: {
  slots: Slot[]; tables: TableRec[]; assignments: Assignment[]; timeZone: string; statuses?: Map<string, string>; byTable?: boolean; caption: string;
}) {
  const { t, time } = useI18n();
  const cells = new Map(assignments.map((a) => [`${a.slotId}|${a.tableId}`, a]));
  const usedTables = tables.length ? tables : [...new Map(assignments.map((a) => [a.tableId, { id: a.tableId, number: a.table, label: '' }])).values()].sort((x, y) => x.number - y.number);
  const slotHead = (s: Slot) => (
    <>
      <span className="grid-slot-code">{s.code}</span>
      <span className="grid-slot-time">{time(s.startsAt, timeZone)}</span>
    </>
  );
  const cell = (s: Slot, tb: TableRec) => {
    const a = cells.get(`${s.id}|${tb.id}`);
    if (!a) return <td key={`${s.id}|${tb.id}`} className="grid-cell empty"><span className="visually-hidden">{t('grid.free')}</span></td>;
    const status = statuses?.get(a.meetingId);
    return (
      <td key={`${s.id}|${tb.id}`} className={`grid-cell ${status ? `st-${status}` : 'st-scheduled'}${a.mandatory ? ' mandatory' : ''}`} data-meeting={a.meetingId} title={`${a.participantA} ⇄ ${a.participantB}`}>
        <span className="grid-a">{a.participantA}</span>
        <span className="grid-b">{a.participantB}</span>
        {status && <StatusBadge status={status} />}
      </td>
    );
  };
  return (
    <>
    <div className="table-scroll grid-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="grid">
        <caption className="visually-hidden">{caption}</caption>
        {byTable ? (
          <>
            <thead><tr><th scope="col">{t('grid.table')}</th>{slots.map((s) => <th key={s.id} scope="col">{slotHead(s)}</th>)}</tr></thead>
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
            <thead><tr><th scope="col">{t('grid.slot')}</th>{usedTables.map((tb) => <th key={tb.id} scope="col">{t('grid.tableN', { n: tb.number })}</th>)}</tr></thead>
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
