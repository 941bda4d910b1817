import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

interface RichTextEditorProps {
  id: string;
  label: string;
  /** The starting HTML; the editor is uncontrolled, so a new `resetKey` loads it again. */
  initialHtml: string;
  resetKey: number;
  onChange: (html: string) => void;
  hint?: ReactNode;
}

type Command = 'heading' | 'bold' | 'italic' | 'ul' | 'ol' | 'link' | 'table';

/** The table inserted by "Tabella": a caption and a header row with column scope, as the sanitiser keeps them. */
const TABLE_HTML = (caption: string, col: string, cell: string) =>
  `<table><caption>${caption}</caption><thead><tr><th scope="col">${col} 1</th><th scope="col">${col} 2</th></tr></thead><tbody><tr><td>${cell}</td><td>${cell}</td></tr></tbody></table><p><br></p>`;

/**
 * A small rich-text editor: a contenteditable textbox with a labelled toolbar (one tab stop, arrow keys move
 * between buttons, as the WAI-ARIA toolbar pattern says). Ctrl+B and Ctrl+I work as in any editor; links are
 * asked in a labelled field rather than a pop-up. The browser's editing commands produce only tags the server keeps.
 */
export function RichTextEditor({ id, label, initialHtml, resetKey, onChange, hint }: RichTextEditorProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [active, setActive] = useState(0);
  const [state, setState] = useState({ bold: false, italic: false, heading: false, ul: false, ol: false });
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('https://');
  const [linkError, setLinkError] = useState<string | null>(null);
  const labelId = useId();
  const hintId = `${id}-hint`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads the text only when told to (resetKey), never while typing
  useEffect(() => {
    if (area.current) area.current.innerHTML = initialHtml || '<p><br></p>';
  }, [resetKey]);

  const refreshState = () => {
    const block = String(document.queryCommandValue('formatBlock')).toLowerCase();
    setState({
      bold: document.queryCommandState('bold'),
      italic: document.queryCommandState('italic'),
      heading: block === 'h3' || block === 'h4',
      ul: document.queryCommandState('insertUnorderedList'),
      ol: document.queryCommandState('insertOrderedList'),
    });
  };
  const changed = () => {
    onChange(area.current?.innerHTML ?? '');
    refreshState();
  };
  const exec = (cmd: string, value?: string) => {
    area.current?.focus();
    // New paragraphs as <p>, not Chrome's default <div>.
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand(cmd, false, value);
    changed();
  };

  const run = (c: Command) => {
    switch (c) {
      case 'heading':
        return exec('formatBlock', state.heading ? 'p' : 'h3');
      case 'bold':
        return exec('bold');
      case 'italic':
        return exec('italic');
      case 'ul':
        return exec('insertUnorderedList');
      case 'ol':
        return exec('insertOrderedList');
      case 'table':
        return exec('insertHTML', TABLE_HTML(t('reports.editor.tableCaption'), t('reports.editor.tableColumn'), t('reports.editor.tableCell')));
      case 'link': {
        const sel = window.getSelection();
        savedRange.current = sel?.rangeCount && area.current?.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
        setLinkError(null);
        setLinkOpen(true);
        return;
      }
    }
  };

  const insertLink = () => {
    if (!/^(https?:\/\/[^\s]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(url.trim())) {
      setLinkError(t('reports.editor.linkInvalid'));
      document.getElementById(`${id}-url`)?.focus();
      return;
    }
    area.current?.focus();
    const sel = window.getSelection();
    if (savedRange.current && sel) {
      sel.removeAllRanges();
      sel.addRange(savedRange.current);
    }
    const href = url.trim();
    if (sel && !sel.isCollapsed) document.execCommand('createLink', false, href);
    else document.execCommand('insertHTML', false, `<a href="${href.replace(/"/g, '&quot;')}">${href.replace(/</g, '&lt;')}</a>`);
    changed();
    setLinkOpen(false);
    setUrl('https://');
  };

  const buttons: { c: Command; icon?: string; text?: string; pressed?: boolean }[] = [
    { c: 'heading', text: 'H', pressed: state.heading },
    { c: 'bold', text: 'B', pressed: state.bold },
    { c: 'italic', text: 'I', pressed: state.italic },
    { c: 'ul', icon: 'list', pressed: state.ul },
    { c: 'ol', text: '1.', pressed: state.ol },
    { c: 'link', icon: 'link' },
    { c: 'table', text: '⊞' },
  ];
  const onToolbarKey = (e: KeyboardEvent) => {
    const last = buttons.length - 1;
    const next = e.key === 'ArrowRight' ? (active === last ? 0 : active + 1) : e.key === 'ArrowLeft' ? (active === 0 ? last : active - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div className="rich-text-editor mb-3">
      <p id={labelId} className="fw-semibold mb-1">
        {label}
      </p>
      {hint && (
        <p id={hintId} className="form-text small mb-2">
          {hint}
        </p>
      )}
      <div ref={toolbar} role="toolbar" aria-label={t('reports.editor.toolbar', { label })} aria-controls={id} className="rte-toolbar btn-group" onKeyDown={onToolbarKey}>
        {buttons.map((b, i) => (
          <button
            key={b.c}
            type="button"
            tabIndex={i === active ? 0 : -1}
            className="btn btn-outline-secondary btn-sm"
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            title={t(`reports.editor.${b.c}`)}
            // Keep the selection in the text while the mouse presses a button.
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setActive(i)}
            onClick={() => run(b.c)}
          >
            {b.icon ? <Icon name={b.icon} size="sm" /> : <span aria-hidden="true" className={`rte-glyph rte-${b.c}`}>{b.text}</span>}
            <span className="visually-hidden">{t(`reports.editor.${b.c}`)}</span>
          </button>
        ))}
      </div>
      {linkOpen && (
        <div className="rte-link d-flex flex-wrap gap-2 align-items-end my-2">
          <div className="form-group mb-0 flex-grow-1">
            <label htmlFor={`${id}-url`} className="active">
              {t('reports.editor.linkUrl')}
            </label>
            <input
              id={`${id}-url`}
              type="url"
              className={`form-control${linkError ? ' is-invalid' : ''}`}
              value={url}
              aria-invalid={linkError ? true : undefined}
              aria-describedby={linkError ? `${id}-url-error` : undefined}
              // biome-ignore lint/a11y/noAutofocus: the field opens because the user asked for a link
              autoFocus
              onChange={(e) => setUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  insertLink();
                }
                if (e.key === 'Escape') {
                  setLinkOpen(false);
                  area.current?.focus();
                }
              }}
            />
            {linkError && (
              <div id={`${id}-url-error`} className="invalid-feedback d-block field-error">
                {linkError}
              </div>
            )}
          </div>
          <button type="button" className="btn btn-primary btn-sm" onClick={insertLink}>
            {t('reports.editor.linkInsert')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => {
              setLinkOpen(false);
              area.current?.focus();
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a textarea cannot hold formatted text; a contenteditable textbox is the ARIA pattern for rich text */}
      <div
        ref={area}
        id={id}
        className="rte-area form-control"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
        tabIndex={0}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
        onInput={changed}
        onKeyUp={refreshState}
        onMouseUp={refreshState}
      />
    </div>
  );
}
