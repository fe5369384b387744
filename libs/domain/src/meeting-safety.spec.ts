import { correctionProblem, undoProblem, UNDO_WINDOW_MS, type StatusChangeRecord } from '@rueda/domain';

describe('table safety rules', () => {
  const at = new Date('2026-11-25T15:00:00Z');
  const mark: StatusChangeRecord = { id: 'c1', kind: 'mark', before: 'scheduled', after: 'no_show', at };
  it('a mark is undone only while it is the latest change, still the status, and within the window', () => {
    expect(undoProblem(mark, 'c1', 'no_show', new Date(at.getTime() + UNDO_WINDOW_MS))).toBeNull();
    expect(undoProblem(mark, 'c1', 'no_show', new Date(at.getTime() + UNDO_WINDOW_MS + 1))?.en).toContain('minute');
    expect(undoProblem(mark, 'c0', 'no_show', at)?.es).toContain('ya no se puede deshacer');
    expect(undoProblem(mark, 'c1', 'held', at)?.en).toContain('changed');
    expect(undoProblem({ ...mark, kind: 'correction' }, 'c1', 'no_show', at)?.en).toContain('Only a mark');
    expect(undoProblem(undefined, 'c1', 'no_show', at)).not.toBeNull();
  });
  it('a correction goes between statuses of the day, changes something, and says why', () => {
    expect(correctionProblem('no_show', 'held', 'Se reunieron en el pasillo')).toBeNull();
    expect(correctionProblem('no_show', 'no_show', 'x y z')?.es).toContain('ya está');
    expect(correctionProblem('accepted', 'held', 'motivo')?.en).toContain('Only meetings of the day');
    expect(correctionProblem('held', 'requested', 'motivo')?.en).toContain('Not a status');
    expect(correctionProblem('held', 'cancelled', '  ')?.es).toContain('motivo');
  });
});
