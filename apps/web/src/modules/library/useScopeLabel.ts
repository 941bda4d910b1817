import { useTranslation } from 'react-i18next';
import type { LibraryDocument } from './api.ts';

/** Where a document belongs, in words. */
export function useScopeLabel() {
  const { t } = useTranslation();
  return (d: Pick<LibraryDocument, 'scopeType' | 'region' | 'council'>) =>
    d.council ? d.council.name : d.region ? `${t('library.scopes.region')} ${d.region.name}` : t('library.scopes.nationWide');
}
