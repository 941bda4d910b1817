import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title: "<page> – Mosaico". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);
}

interface PageTitleProps {
  title: string;
  /** The document title when it should differ from the heading (e.g. to stay unique). */
  documentTitle?: string;
  lead?: ReactNode;
}

/** The page's one h1 (focused after navigation) and its document title. */
export function PageTitle({ title, documentTitle, lead }: PageTitleProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className="mb-4">
      <h1 tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  );
}
