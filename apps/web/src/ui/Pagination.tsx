import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from './Icon.tsx';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The link of a page, keeping the other filters. */
  hrefFor: (page: number) => string;
}

function pagesAround(page: number, last: number): (number | 'gap')[] {
  const wanted = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="pagination-wrapper" aria-label={t('pagination.label')}>
      <ul className="pagination">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          {page > 1 ? (
            <Link className="page-link" to={hrefFor(page - 1)}>
              <Icon name="chevron-left" color="primary" />
              <span className="visually-hidden">{t('pagination.previous')}</span>
            </Link>
          ) : (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-left" />
            </span>
          )}
        </li>
        {pagesAround(page, last).map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
            <li key={`gap-${i}`} className="page-item">
              <span className="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li key={p} className="page-item">
              <Link className="page-link" to={hrefFor(p)} aria-current={p === page ? 'page' : undefined}>
                <span className="visually-hidden">{t('pagination.page')} </span>
                {p}
              </Link>
            </li>
          ),
        )}
        <li className={`page-item${page >= last ? ' disabled' : ''}`}>
          {page < last ? (
            <Link className="page-link" to={hrefFor(page + 1)}>
              <span className="visually-hidden">{t('pagination.next')}</span>
              <Icon name="chevron-right" color="primary" />
            </Link>
          ) : (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-right" />
            </span>
          )}
        </li>
      </ul>
      <p className="small text-secondary">{t('pagination.summary', { page, last, total })}</p>
    </nav>
  );
}
