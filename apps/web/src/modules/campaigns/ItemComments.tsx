import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import './comments.css';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { keyParts } from '../forms/keyLabels.ts';
import { useLocalText } from '../forms/text.ts';
import { type CommentThread, useAskQuestion, useItemComments, useReply, useSetResolved } from './comments-api.ts';

interface ComposerProps {
  id: string;
  label: string;
  hint?: string;
  button: string;
  onSend: (body: string) => Promise<void>;
  /** Another action shown beside the send button (resolving the thread). */
  extra?: ReactNode;
}

/**
 * A labelled textarea and its send button. Not a <form>: it sits inside the data-entry form, and forms do not
 * nest; the button is type="button" so it never saves the values around it. The server's message about the
 * text is shown under the field; any other refusal (locked, no rights) above it as an alert.
 */
function Composer({ id, label, hint, button, onSend, extra }: ComposerProps) {
  const messageOf = useErrorMessage();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  async function send() {
    setBusy(true);
    setFieldError(null);
    setFailure(null);
    try {
      await onSend(text);
      setText('');
    } catch (err) {
      const issue = isApiError(err) ? err.issues.find((i) => i.field === 'body') : undefined;
      if (issue) {
        setFieldError(issue.message);
        // Back to the field, so a screen reader reads it with the message that now describes it.
        requestAnimationFrame(() => field.current?.focus());
      } else setFailure(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const described = [hint ? `${id}-hint` : null, fieldError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="comment-composer">
      {failure && (
        <div className="alert alert-danger py-2" role="alert">
          {failure}
        </div>
      )}
      <div className="form-group mb-2">
        <label htmlFor={id} className="active">
          {label}
        </label>
        <textarea
          ref={field}
          id={id}
          className={`form-control${fieldError ? ' is-invalid' : ''}`}
          rows={3}
          maxLength={4000}
          value={text}
          aria-describedby={described}
          aria-invalid={fieldError ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {hint && (
          <small id={`${id}-hint`} className="form-text d-block">
            {hint}
          </small>
        )}
        {fieldError && (
          <div id={`${id}-error`} className="invalid-feedback d-block field-error">
            {fieldError}
          </div>
        )}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void send()}>
          {button}
        </button>
        {extra}
      </div>
    </div>
  );
}

/** One thread: its messages (author, role, date), its state, and the reply and resolve controls the user has. */
function ThreadView({ submissionId, thread, baseId, definition, onDone }: { submissionId: number; thread: CommentThread; baseId: string; definition: FormDefinition; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const messageOf = useErrorMessage();
  const reply = useReply(submissionId);
  const setResolved = useSetResolved(submissionId);
  const [failure, setFailure] = useState<string | null>(null);
  const id = `${baseId}-t${thread.id}`;
  const cell = thread.valueKey ? keyParts(definition, thread.valueKey, local, (label, n) => t('forms.preview.repetition', { label, n })).cell : null;
  const resolved = thread.status === 'resolved';

  const resolveButton = thread.canResolve ? (
    <button type="button" className="btn btn-outline-primary btn-sm" disabled={setResolved.isPending} onClick={() => void toggle()}>
      {resolved ? t('comments.reopen') : t('comments.resolve')}
    </button>
  ) : null;

  async function toggle() {
    setFailure(null);
    try {
      await setResolved.mutateAsync({ threadId: thread.id, resolved: !resolved });
      onDone(resolved ? t('comments.reopened') : t('comments.resolvedDone'));
    } catch (err) {
      setFailure(messageOf(err));
    }
  }

  return (
    <li className={`comment-thread${resolved ? ' comment-thread-resolved' : ''}`}>
      <p className="comment-thread-title mb-2">
        <span className={`badge ${resolved ? 'comment-badge-resolved' : 'comment-badge-open'} me-2`}>{t(`comments.status.${thread.status}`)}</span>
        <span className="visually-hidden">{t('comments.threadBy', { name: thread.messages[0]?.author?.name ?? t('comments.unknownAuthor') })} </span>
        {cell && <span className="small">{t('comments.cell', { cell })}</span>}
      </p>
      <ol className="list-unstyled comment-messages">
        {thread.messages.map((m) => (
          <li key={m.id} className="comment-message">
            <p className="comment-meta small mb-1">
              <span className="fw-semibold">{m.author?.name ?? t('comments.unknownAuthor')}</span>
              {m.author?.role && <span> · {t(`roles.${m.author.role}`)}</span>} · <time dateTime={m.createdAt}>{f.dateTime(m.createdAt)}</time>
            </p>
            <p className="comment-body mb-0">{m.body}</p>
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedAt && (
        <p className="small text-secondary mt-2 mb-2">{t('comments.resolvedBy', { name: thread.resolvedBy?.name ?? t('comments.unknownAuthor'), date: f.dateTime(thread.resolvedAt) })}</p>
      )}
      {failure && (
        <div className="alert alert-danger py-2" role="alert">
          {failure}
        </div>
      )}
      {thread.canReply ? (
        <Composer
          id={`${id}-reply`}
          label={t('comments.reply')}
          button={t('comments.sendReply')}
          onSend={async (body) => {
            await reply.mutateAsync({ threadId: thread.id, body });
            onDone(t('comments.replied'));
          }}
          extra={resolveButton}
        />
      ) : (
        resolveButton
      )}
    </li>
  );
}

interface ItemCommentsProps {
  submissionId: number;
  item: Item;
  definition: FormDefinition;
  /** Threads on the item and how many are still open (from the submission-wide list). */
  counts: { threads: number; open: number };
  canPost: boolean;
}

/**
 * "Domande e risposte (n)" under an item: a disclosure button (with the open threads as a badge) that shows
 * the item's threads, a reply box in each open one, and a box for a new question to the council's tutors.
 */
export function ItemComments({ submissionId, item, definition, counts, canPost }: ItemCommentsProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const [open, setOpen] = useState(false);
  // A counter beside the text, so the same confirmation twice in a row is announced again.
  const [done, setDone] = useState({ text: '', n: 0 });
  const announce = (text: string) => setDone((d) => ({ text, n: d.n + 1 }));
  const q = useItemComments(submissionId, item.code, open);
  const ask = useAskQuestion(submissionId);
  const baseId = `cm-${item.code}`;
  const threads = q.data?.threads ?? [];
  const mayPost = q.data?.canPost ?? canPost;

  return (
    <div className="item-comments">
      <button type="button" id={`${baseId}-toggle`} className="btn btn-link btn-sm item-comments-toggle" aria-expanded={open} aria-controls={`${baseId}-panel`} onClick={() => setOpen((o) => !o)}>
        {t('comments.toggle', { count: counts.threads })}
        <span className="visually-hidden"> {t('comments.onItem', { item: local(item.label) })}</span>
        {counts.open > 0 && <span className="badge comment-badge-open ms-2">{t('comments.openBadge', { count: counts.open })}</span>}
      </button>
      <div id={`${baseId}-panel`} className="item-comments-panel" hidden={!open}>
        {open && (
          <>
            {q.isPending && <Loading />}
            {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
            {q.data && (threads.length ? (
              <ol className="list-unstyled comment-threads" aria-label={t('comments.listLabel', { item: local(item.label) })}>
                {threads.map((th) => (
                  <ThreadView key={th.id} submissionId={submissionId} thread={th} baseId={baseId} definition={definition} onDone={announce} />
                ))}
              </ol>
            ) : (
              <p className="small">{t('comments.none')}</p>
            ))}
            {q.data && !mayPost && <p className="small">{t('comments.closed')}</p>}
            {q.data && mayPost && (
              <Composer
                id={`${baseId}-new`}
                label={t('comments.newQuestion')}
                hint={t('comments.newQuestionHint')}
                button={t('comments.send')}
                onSend={async (body) => {
                  await ask.mutateAsync({ itemCode: item.code, body });
                  announce(t('comments.sent'));
                }}
              />
            )}
          </>
        )}
        <p role="status" className="small comment-status">
          <span key={done.n}>{done.text}</span>
        </p>
      </div>
    </div>
  );
}
