import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../modules/auth/api.ts';
import { useSession } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** Pages behind sign-in: without a session, go to /accesso?next=<this page>. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data.me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/accesso?next=${next}${session.data.expired ? '&scaduta=1' : ''}`} replace />;
  }
  return <Outlet />;
}

/** A page only some roles can use: the others read why instead. */
export function RequireRole({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.me;
  if (me && allow(me)) return children;
  return (
    <>
      <Breadcrumb items={[{ label: t('forbidden.title') }]} />
      <PageTitle title={t('forbidden.title')} />
      <p>{t('forbidden.text')}</p>
    </>
  );
}
