import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { downloadUrl, type LibraryDocument, useDeleteDocument, useLibraryDocument } from '../modules/library/api.ts';
import { useFileSize } from '../modules/library/FileField.tsx';
import { useScopeLabel } from '../modules/library/useScopeLabel.ts';
import { VersionList } from '../modules/library/VersionList.tsx';
import { VersionUploadForm } from '../modules/library/VersionUploadForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DeleteWithConfirmation } from '../ui/DeleteWithConfirmation.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormat } from '../ui/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

function DeleteDocument({ doc, onReload }: { doc: LibraryDocument; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const remove = useDeleteDocument(doc.id);
  return (
    <DeleteWithConfirmation
      version={doc.version}
      remove={remove}
      labels={{ open: t('library.delete'), question: t('library.confirmDelete', { title: doc.title, count: doc.versionsCount }), confirm: t('library.confirmDeleteButton') }}
      onDeleted={() => {
        flash.show(t('library.deleted', { title: doc.title }), { path: '/documentazione' });
        navigate('/documentazione');
      }}
      onReload={onReload}
    />
  );
}

/** One document: what it is, its newest file to download, every version, and for its keepers a new version or deletion. */
export function LibraryDocumentPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const size = useFileSize();
  const scopeOf = useScopeLabel();
  const id = Number(useParams().id);
  const q = useLibraryDocument(id);
  const me = useSession().data?.me;

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('library.notFound')}
        parents={[{ label: t('library.nav'), to: '/documentazione' }]}
        back={{ to: '/documentazione', label: t('library.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const d = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('library.nav'), to: '/documentazione' }, { label: d.title }]} />
      <PageTitle title={d.title} documentTitle={t('library.documentTitle', { title: d.title })} lead={t(`library.kinds.${d.kind}`)} />
      <div className="d-flex flex-wrap gap-2 mb-4">
        <a className="btn btn-primary" href={downloadUrl(d.id)} download={d.current.fileName}>
          <Icon name="download" color="white" className="me-1" />
          {t('library.download', { type: d.current.fileType.toUpperCase(), size: size(d.current.size) })}
        </a>
        {d.canEdit && can.viewAudit(me) && (
          <Link className="btn btn-outline-primary" to={`/registro-attivita?tipo=library_document&id=${d.id}`}>
            {t('library.history')}
          </Link>
        )}
      </div>
      {d.description && <p className="pre-line">{d.description}</p>}
      <DescriptionList
        items={[
          { label: t('library.fields.scope'), value: scopeOf(d) },
          { label: t('library.fields.year'), value: d.year ?? '—' },
          { label: t('library.fields.tags'), value: d.tags.join(', ') || '—' },
          { label: t('library.fields.currentFile'), value: <span className="text-break">{d.current.fileName}</span> },
          { label: t('library.fields.versionNumber'), value: t('library.versionOf', { n: d.current.n, count: d.versionsCount }) },
          { label: t('library.fields.sha256'), value: <code className="text-break">{d.current.sha256}</code> },
          { label: t('library.updatedAt'), value: f.dateTime(d.updatedAt) },
        ]}
      />
      <VersionList documentId={d.id} />
      {d.canEdit && <VersionUploadForm doc={d} onReload={() => q.refetch()} />}
      {d.canEdit && <DeleteDocument doc={d} onReload={() => q.refetch()} />}
    </>
  );
}
