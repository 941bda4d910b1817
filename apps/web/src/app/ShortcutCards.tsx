import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../ui/Icon.tsx';
import type { MenuItem } from './menu.ts';

/** Menu entries as cards with their one-line description (home and administration pages). */
export function ShortcutCards({ items }: { items: MenuItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="row list-unstyled g-3">
      {items.map((m) => (
        <li key={m.to} className="col-12 col-md-6 col-lg-4">
          <div className="card card-bg h-100 shortcut-card">
            <div className="card-body">
              <div className="d-flex align-items-center gap-2 mb-2">
                <Icon name={m.icon} color="primary" />
                <h3 className="card-title h5 mb-0">
                  <Link to={m.to} className="stretched-link">
                    {t(m.label)}
                  </Link>
                </h3>
              </div>
              <p className="card-text">{t(m.description)}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
