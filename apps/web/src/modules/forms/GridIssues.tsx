import { useTranslation } from 'react-i18next';
import type { ItemIssue } from './runtime.ts';

export interface CellIssues {
  id: string;
  /** e.g. "Maschi, 18-29 anni". */
  name: string;
  issues: ItemIssue[];
}

interface Group {
  id: string;
  severity: ItemIssue['severity'];
  message: string;
  cells: string[];
}

/**
 * The problems of single cells of a grid, said once per message under it with the cells it concerns
 * ("fill this cell too" on ten cells is one line, not ten). Each cell is described by its message alone.
 */
export function groupCellIssues(cells: CellIssues[], baseId: string) {
  const groups = new Map<string, Group>();
  const byCell = new Map<string, string[]>();
  for (const cell of cells) {
    for (const issue of cell.issues) {
      const k = `${issue.severity}|${issue.message}`;
      let group = groups.get(k);
      if (!group) {
        group = { id: `${baseId}-cellmsg-${groups.size}`, severity: issue.severity, message: issue.message, cells: [] };
        groups.set(k, group);
      }
      group.cells.push(cell.name);
      byCell.set(cell.id, [...(byCell.get(cell.id) ?? []), group.id]);
    }
  }
  return { groups: [...groups.values()], describedBy: (cellId: string) => byCell.get(cellId)?.join(' ') };
}

export function GridIssues({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  if (!groups.length) return null;
  return (
    <div className="item-issues">
      {groups.map((g) => (
        <p key={g.id} className={`mb-1 ${g.severity === 'error' ? 'item-error' : 'item-warning'}`}>
          <span id={g.id}>
            <span className="fw-semibold">{g.severity === 'error' ? t('forms.preview.errorPrefix') : t('forms.preview.warningPrefix')}</span> {g.message}
          </span>{' '}
          <span className="cell-list">{t('forms.preview.cells', { count: g.cells.length, cells: g.cells.join('; ') })}</span>
        </p>
      ))}
    </div>
  );
}
