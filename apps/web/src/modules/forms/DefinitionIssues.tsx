import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { ExpressionText } from './ExpressionText.tsx';
import './forms.css';
import { describePath, EXPRESSION_FIELDS } from './issuePath.ts';

/** An issue of a rejected definition; `position` and `length` locate the fault inside an expression. */
export type DefinitionIssue = FieldIssue & { position?: number; length?: number };

interface DefinitionIssuesProps {
  issues: DefinitionIssue[];
  /** The definition that was sent, to name elements by code and show the faulty expressions. */
  definition: unknown;
  id: string;
}

/** Every problem of a rejected definition: where (in words, with the code), what, and the expression with the fault marked. */
export function DefinitionIssues({ issues, definition, id }: DefinitionIssuesProps) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section id={id} className="table-responsive mb-4" aria-labelledby={captionId} tabIndex={0}>
      <table className="table align-top definition-issues">
        <caption id={captionId} className="caption-top">
          {t('forms.import.issuesCaption', { count: issues.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('forms.import.where')}</th>
            <th scope="col">{t('forms.import.problem')}</th>
            <th scope="col">{t('forms.import.expression')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => {
            const where = describePath(issue.field, definition, t);
            const expression =
              typeof where.value === 'string' && (issue.position != null || (where.property && EXPRESSION_FIELDS.has(where.property))) ? where.value : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered
              <tr key={`${issue.field}-${i}`}>
                <th scope="row" className="fw-normal">
                  {where.text}
                  {where.code && (
                    <span className="d-block small text-secondary">
                      {t('forms.import.code')} <code>{where.code}</code>
                    </span>
                  )}
                </th>
                <td>{issue.message}</td>
                <td>
                  {expression != null ? (
                    <ExpressionText expression={expression} position={issue.position} length={issue.length} />
                  ) : (
                    <span className="text-secondary">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
