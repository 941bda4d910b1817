import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
}

/** Where the page sits: Home first, the current page last (not a link). */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  const all: Crumb[] = [{ label: t('nav.home'), to: '/' }, ...items];
  return (
    <nav className="breadcrumb-container" aria-label={t('common.breadcrumb')}>
      <ol className="breadcrumb">
        {all.map((c, i) => {
          const last = i === all.length - 1;
          return (
            <li key={c.to ?? `current-${c.label}`} className={`breadcrumb-item${last ? ' active' : ''}`} aria-current={last ? 'page' : undefined}>
              {!last && c.to ? <Link to={c.to}>{c.label}</Link> : c.label}
              {!last && (
                <span className="separator" aria-hidden="true">
                  /
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
