import { useEffect, useRef } from 'react';
import { focusControl } from '../../ui/focusControl.ts';
import { useItemLocator } from './itemLocator.ts';

export interface SummaryLine {
  key: string;
  text: string;
  /** The id of the control to go to, when there is one on the page. */
  target?: string;
}

/** A focused list of the server's problems, each linking to its control when it is on the page. */
export function IssueSummary({ id, title, message, lines, focusKey }: { id: string; title: string; message?: string | null; lines: SummaryLine[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const locator = useItemLocator();
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named, focusable group announced after a failed action
    <div ref={ref} tabIndex={-1} role="group" className="alert alert-danger error-summary mb-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h5">
        {title}
      </h2>
      {message && <p className="mb-2">{message}</p>}
      {lines.length > 0 && (
        <ul className="mb-0">
          {lines.map((l) => (
            <li key={l.key}>
              {l.target && document.getElementById(l.target) ? (
                <a href={`#${l.target}`} onClick={(e) => focusControl(e, l.target as string)}>
                  {l.text}
                </a>
              ) : l.target && locator?.sectionOf(l.target) ? (
                <a
                  href={`#${l.target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    locator.go(l.target as string);
                  }}
                >
                  {l.text}
                </a>
              ) : (
                l.text
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
