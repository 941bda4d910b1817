import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { FileField, useFileSize } from '../library/FileField.tsx';
import { type EventDetail, type EventMaterial, materialUrl, useDeleteMaterial, useMaterials, useUploadMaterial } from './api.ts';

function UploadForm({ event, maxMb }: { event: EventDetail; maxMb: number }) {
  const { t } = useTranslation();
  const upload = useUploadMaterial(event.id);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [formKey, setFormKey] = useState(0);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const labels = { file: t('events.materials.file'), title: t('events.materials.title'), sessionId: t('events.materials.session') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!file) return setLocal(t('form.fixFields'), { file: t('library.fileRequired') });
    if (file.size > maxMb * 1024 * 1024) return setLocal(t('form.fixFields'), { file: t('library.fileTooLarge', { mb: maxMb }) });
    try {
      await upload.mutateAsync({ file, title, sessionId });
      setFile(null);
      setTitle('');
      setSessionId('');
      // A new key empties the file input, which React cannot set.
      setFormKey((k) => k + 1);
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form key={formKey} id="material-form" noValidate onSubmit={submit} className="border rounded p-3 mb-4" aria-labelledby="material-form-title">
      <h3 id="material-form-title" className="h5 mb-4">
        {t('events.materials.add')}
      </h3>
      <ErrorSummary errors={errors} labels={labels} idPrefix="material" />
      <FileField id="material-file" label={labels.file} error={errors.fields.file} maxMb={maxMb} onChange={setFile} />
      <TextField id="material-title" label={labels.title} value={title} onChange={setTitle} error={errors.fields.title} maxLength={200} />
      {event.sessions.length > 1 && (
        <SelectField
          id="material-sessionId"
          label={labels.sessionId}
          value={sessionId}
          onChange={setSessionId}
          error={errors.fields.sessionId}
          emptyLabel={t('events.materials.wholeEvent')}
          options={event.sessions.map((s, i) => ({ value: String(s.id), label: s.title ? `${t('events.sessions.numbered', { n: i + 1 })}: ${s.title}` : t('events.sessions.numbered', { n: i + 1 }) }))}
        />
      )}
      <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
        {upload.isPending ? t('library.uploading') : t('events.materials.upload')}
      </button>
    </form>
  );
}

function DeleteMaterial({ eventId, m }: { eventId: number; m: EventMaterial }) {
  const { t } = useTranslation();
  const remove = useDeleteMaterial(eventId);
  const messageOf = useErrorMessage();
  const name = m.title ?? m.fileName;
  return (
    <>
      <button type="button" className="btn btn-outline-danger btn-sm" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
        {t('events.materials.delete')}
        <span className="visually-hidden"> – {name}</span>
      </button>
      {remove.isError && (
        <span role="alert" className="text-danger small ms-2">
          {messageOf(remove.error)}
        </span>
      )}
    </>
  );
}

/** Files of an event (slides, handouts, signed minutes): readers download them, organisers upload and delete. */
export function EventMaterials({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const list = useMaterials(event.id);
  const sessionName = (id: number | null) => {
    if (id == null) return t('events.materials.wholeEvent');
    const i = event.sessions.findIndex((s) => s.id === id);
    return i < 0 ? '—' : t('events.sessions.numbered', { n: i + 1 });
  };
  return (
    <section aria-labelledby="event-materials-title" className="mb-5">
      <h2 id="event-materials-title" className="h4">
        {t('events.materials.heading')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <Table
            caption={t('events.materials.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(m) => m.id}
            empty={t('events.materials.none')}
            columns={[
              {
                key: 'file',
                header: t('events.materials.title'),
                rowHeader: true,
                render: (m) => (
                  <a href={materialUrl(event.id, m.id)} download={m.fileName}>
                    {m.title ?? m.fileName}
                    <span className="visually-hidden"> – {t('events.materials.download', { type: m.fileType.toUpperCase(), size: size(m.size) })}</span>
                  </a>
                ),
              },
              { key: 'type', header: t('events.materials.type'), render: (m) => `${m.fileType.toUpperCase()}, ${size(m.size)}` },
              { key: 'session', header: t('events.materials.session'), render: (m) => sessionName(m.sessionId) },
              ...(event.canEdit ? [{ key: 'actions', header: t('common.actions'), render: (m: EventMaterial) => <DeleteMaterial eventId={event.id} m={m} /> }] : []),
            ]}
          />
          {event.canEdit && <UploadForm event={event} maxMb={list.data.maxUploadMb} />}
        </>
      )}
    </section>
  );
}
