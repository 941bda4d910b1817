import { LIBRARY_KINDS } from '@mosaico/contracts/library';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type NewDocument, scopeValue, useLibraryScopes, useUploadDocument } from './api.ts';
import { FileField } from './FileField.tsx';

const EMPTY: NewDocument = { file: null, title: '', description: '', kind: '', scope: '', year: '', tags: '', note: '' };

/** Upload a new document: its file, what it is, whose it is (the places the user keeps) and how to find it. */
export function LibraryUploadForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const scopes = useLibraryScopes();
  const upload = useUploadDocument();
  const [v, setV] = useState<NewDocument>(EMPTY);
  const set = (k: keyof NewDocument) => (value: string) => setV((prev) => ({ ...prev, [k]: value }));
  // The API names scopeType and scopeId; the form has one select for both.
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => (f === 'scopeType' || f === 'scopeId' ? 'scope' : f.split('.')[0]), isEmpty: (f) => !v[f as keyof NewDocument] });
  const labels = {
    file: t('library.fields.file'),
    title: t('library.fields.title'),
    kind: t('library.fields.kind'),
    scope: t('library.fields.scope'),
    description: t('library.fields.description'),
    year: t('library.fields.year'),
    tags: t('library.fields.tags'),
    note: t('library.fields.note'),
  };
  const scopeItems = scopes.data?.items ?? [];
  const scope = v.scope || (scopeItems.length === 1 ? scopeValue(scopeItems[0]) : '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    const maxMb = scopes.data?.maxUploadMb;
    if (!v.file) local.file = t('library.fileRequired');
    // Said before sending: a file over the limit would travel in full only to be refused.
    else if (maxMb && v.file.size > maxMb * 1024 * 1024) local.file = t('library.fileTooLarge', { mb: maxMb });
    if (!v.title.trim()) local.title = t('form.required');
    if (!v.kind) local.kind = t('form.required');
    if (!scope) local.scope = t('form.required');
    if (Object.keys(local).length) {
      setLocal(t('form.fixFields'), local);
      return;
    }
    try {
      const d = await upload.mutateAsync({ ...v, scope });
      flash.show(t('library.created', { title: d.title }), { path: `/documentazione/${d.id}` });
      navigate(`/documentazione/${d.id}`);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form id="library-upload" noValidate onSubmit={submit} className="mb-5">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="library" />
      <FileField id="library-file" label={labels.file} error={errors.fields.file} maxMb={scopes.data?.maxUploadMb} onChange={(file) => setV((prev) => ({ ...prev, file }))} />
      <TextField id="library-title" label={labels.title} required value={v.title} onChange={set('title')} error={errors.fields.title} maxLength={300} />
      <SelectField
        id="library-kind"
        label={labels.kind}
        required
        value={v.kind}
        onChange={set('kind')}
        error={errors.fields.kind}
        emptyLabel={t('form.choose')}
        options={LIBRARY_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }))}
      />
      <SelectField
        id="library-scope"
        label={labels.scope}
        required
        value={scope}
        onChange={set('scope')}
        error={errors.fields.scope}
        hint={t('library.scopeHint')}
        emptyLabel={t('form.choose')}
        options={scopeItems.map((s) => ({ value: scopeValue(s), label: s.scopeType === 'nation' ? t('library.scopes.nationWide') : s.scopeType === 'region' ? `${t('library.scopes.region')} ${s.name}` : s.name }))}
      />
      <TextField id="library-description" label={labels.description} multiline value={v.description} onChange={set('description')} error={errors.fields.description} maxLength={4000} />
      <div className="row">
        <div className="col-md-4">
          <TextField id="library-year" label={labels.year} type="number" inputMode="numeric" min="1990" max="2100" value={v.year} onChange={set('year')} error={errors.fields.year} hint={t('library.yearHint')} />
        </div>
        <div className="col-md-8">
          <TextField id="library-tags" label={labels.tags} value={v.tags} onChange={set('tags')} error={errors.fields.tags} hint={t('library.tagsHint')} maxLength={500} />
        </div>
      </div>
      <TextField id="library-note" label={labels.note} value={v.note} onChange={set('note')} error={errors.fields.note} hint={t('library.noteHint')} maxLength={500} />
      <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
        {upload.isPending ? t('library.uploading') : t('library.upload')}
      </button>
    </form>
  );
}
