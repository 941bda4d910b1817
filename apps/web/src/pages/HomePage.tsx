import { useTranslation } from 'react-i18next';
import { menuFor } from '../app/menu.ts';
import { ShortcutCards } from '../app/ShortcutCards.tsx';
import { useMe } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Breadcrumb items={[]} />
      <PageTitle title={t('home.title', { name: me.name })} documentTitle={t('home.documentTitle')} lead={t('home.lead')} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <section aria-labelledby="about-title" className="mb-4">
            <h2 id="about-title" className="h4">
              {t('home.aboutTitle')}
            </h2>
            <p>{t('home.about1')}</p>
            <p>{t('home.about2')}</p>
          </section>
        </div>
        <div className="col-12 col-lg-4">
          <section aria-labelledby="roles-title" className="mb-4 p-3 bg-light rounded">
            <h2 id="roles-title" className="h4">
              {t('home.rolesTitle')}
            </h2>
            {me.roles.length ? (
              <ul className="list-unstyled mb-0">
                {me.roles.map((r) => (
                  <li key={`${r.role}-${r.scopeType}-${r.scopeId}`} className="mb-2">
                    <strong>{t(`roles.${r.role}`)}</strong>
                    <br />
                    <span className="text-secondary">
                      {t(`scopes.${r.scopeType}`)}
                      {r.scopeType === 'nation' ? '' : `: ${r.scopeName ?? r.scopeId}`}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-0">{t('home.noRoles')}</p>
            )}
          </section>
        </div>
      </div>
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" className="h4">
          {t('home.shortcutsTitle')}
        </h2>
        <ShortcutCards items={menuFor(me)} />
      </section>
    </>
  );
}
