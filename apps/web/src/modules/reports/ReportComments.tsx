import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type ReportComment, useAddComment } from './api.ts';

interface CommentThreadProps {
  reportId: number;
  /** null: comments on the whole report. */
  blockKey: string | null;
  comments: ReportComment[];
  /** What the comments are about, for the form's label (null: the whole report). */
  subject: string | null;
}

/** The comments on a block (or on the report) and a form to add one. */
export function CommentThread({ reportId, blockKey, comments, subject }: CommentThreadProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const messageOf = useErrorMessage();
  const add = useAddComment(reportId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const id = `comment-${blockKey ?? 'report'}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) {
      setError(t('reports.comments.empty'));
      return;
    }
    try {
      await add.mutateAsync({ blockKey, body });
      setBody('');
      setError(null);
      setSent(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div className="report-comments">
      {comments.length ? (
        <ul className="list-unstyled mb-4">
          {comments.map((c) => (
            <li key={c.id} className="border-start border-3 ps-3 mb-2">
              <p className="small text-secondary mb-1">
                {c.author} · {f.dateTime(c.createdAt)}
              </p>
              <p className="mb-0 report-text">{c.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small text-secondary mb-4">{t('reports.comments.none')}</p>
      )}
      <form onSubmit={submit} noValidate aria-label={subject ? t('reports.comments.formLabel', { subject }) : t('reports.comments.formLabelReport')}>
        <TextField id={id} label={subject ? t('reports.comments.new', { subject }) : t('reports.comments.newReport')} multiline rows={2} maxLength={4000} value={body} onChange={setBody} error={error ?? undefined} />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={add.isPending}>
          {t('reports.comments.send')}
        </button>
        <span role="status" className="ms-2 small">
          {sent ? t('reports.comments.sent') : ''}
        </span>
      </form>
    </div>
  );
}

/** A block's comments behind a disclosure button that says how many there are. */
export function BlockComments({ reportId, blockKey, title, comments }: { reportId: number; blockKey: string; title: string; comments: ReportComment[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = `comments-panel-${blockKey}`;
  return (
    <div className="mt-2">
      <button type="button" className="btn btn-link btn-sm px-0" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('reports.comments.toggle', { count: comments.length, title })}
      </button>
      <div id={panelId} hidden={!open} className="mt-2">
        {open && <CommentThread reportId={reportId} blockKey={blockKey} comments={comments} subject={title} />}
      </div>
    </div>
  );
}
