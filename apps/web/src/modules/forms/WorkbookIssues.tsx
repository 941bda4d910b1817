import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressionText } from './ExpressionText.tsx';
import type { WorkbookIssue } from './xlsform.ts';
import './forms.css';

/** Every problem of a rejected workbook where the author looks for it: sheet, row, column (and cell), what, and the faulty expression marked. */
export function WorkbookIssues({ issues, id }: { issues: WorkbookIssue[]; id: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section id={id} className="table-responsive mb-4" aria-labelledby={captionId} tabIndex={0}>
      <table className="table align-top workbook-issues">
        <caption id={captionId} className="caption-top">
          {t('xlsform.issuesCaption', { count: issues.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('xlsform.sheet')}</th>
            <th scope="col">{t('xlsform.row')}</th>
            <th scope="col">{t('xlsform.column')}</th>
            <th scope="col">{t('forms.import.problem')}</th>
            <th scope="col">{t('forms.import.expression')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered
            <tr key={`${issue.field}-${i}`}>
              <td>{issue.sheet ?? t('xlsform.wholeFile')}</td>
              <td>{issue.row ?? '—'}</td>
              <td>
                {issue.column ? <code>{issue.column}</code> : '—'}
                {issue.cell && <span className="d-block small text-secondary">{t('xlsform.cell', { cell: issue.cell })}</span>}
              </td>
              <td>{issue.message}</td>
              <td>
                {issue.expression != null ? (
                  <ExpressionText expression={issue.expression} position={issue.position} length={issue.length} />
                ) : (
                  <span className="text-secondary">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
