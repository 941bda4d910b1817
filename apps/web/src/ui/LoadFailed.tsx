import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { Breadcrumb, type Crumb } from './Breadcrumb.tsx';
import { PageTitle } from './PageTitle.tsx';
import { QueryError } from './QueryError.tsx';

interface LoadFailedProps {
  /** Why the record could not be shown (null: the address itself is not valid). */
  error: unknown;
  /** The title when the record does not exist, e.g. "Organizzazione non trovata". */
  notFoundTitle: string;
  /** The breadcrumb up to the list the record belongs to. */
  parents: Crumb[];
  back: { to: string; label: string };
  onRetry?: () => void;
}

/** The page of a record that could not be loaded: not found, not allowed, or another error (with retry). */
export function LoadFailed({ error, notFoundTitle, parents, back, onRetry }: LoadFailedProps) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : error ? 0 : 404;
  const title = status === 404 ? notFoundTitle : status === 403 ? t('forbidden.title') : t('errors.pageTitle');
  return (
    <>
      <Breadcrumb items={[...parents, { label: title }]} />
      <PageTitle title={title} />
      {error ? <QueryError error={error} onRetry={status >= 500 || status === 0 ? onRetry : undefined} /> : null}
      <Link to={back.to}>{back.label}</Link>
    </>
  );
}
