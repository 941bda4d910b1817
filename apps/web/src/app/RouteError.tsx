import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Shown when a page fails to render: a plain message and a way home, never a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="main-content" className="container py-5">
      <PageTitle title={t('errors.pageTitle')} />
      <p>{t('errors.pageText')}</p>
      <Link to="/" reloadDocument>
        {t('notFound.home')}
      </Link>
    </main>
  );
}
