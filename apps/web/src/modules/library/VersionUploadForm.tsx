import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type LibraryDocument, useLibraryScopes, useUploadVersion } from './api.ts';
import { FileField } from './FileField.tsx';

/** Upload a new version of a document, at the version the page shows; a conflict offers to reload. */
export function VersionUploadForm({ doc, onReload }: { doc: LibraryDocument; onReload: () => void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const scopes = useLibraryScopes();
  const upload = useUploadVersion(doc.id);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [formKey, setFormKey] = useState(0);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const labels = { file: t('library.fields.newFile'), note: t('library.fields.note') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const maxMb = scopes.data?.maxUploadMb;
    if (!file || (maxMb && file.size > maxMb * 1024 * 1024)) {
      setLocal(t('form.fixFields'), { file: file ? t('library.fileTooLarge', { mb: maxMb }) : t('library.fileRequired') });
      return;
    }
    try {
      const d = await upload.mutateAsync({ file, note, version: doc.version });
      flash.show(t('library.versionAdded', { n: d.current.n }), { path: `/documentazione/${d.id}` });
      setFile(null);
      setNote('');
      setFormKey((k) => k + 1);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form key={formKey} id="library-version" noValidate onSubmit={submit} className="mb-5" aria-labelledby="library-version-title">
      <h2 id="library-version-title" className="h4">
        {t('library.newVersion')}
      </h2>
      <p>{t('library.newVersionLead')}</p>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="version">
        {isApiError(upload.error) && upload.error.code === 'version_conflict' && (
          <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={onReload}>
            {t('form.reloadLatest')}
          </button>
        )}
      </ErrorSummary>
      <FileField id="version-file" label={labels.file} error={errors.fields.file} maxMb={scopes.data?.maxUploadMb} onChange={setFile} />
      <TextField id="version-note" label={labels.note} value={note} onChange={setNote} error={errors.fields.note} hint={t('library.noteHint')} maxLength={500} />
      <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
        {upload.isPending ? t('library.uploading') : t('library.uploadVersion')}
      </button>
    </form>
  );
}
