/**
 * The browser's editing commands write <b>, <i> and <div> (Chrome) where the report keeps <strong>, <em> and <p>;
 * renaming them before saving keeps the author's formatting through the server's sanitiser (NARRATIVE_TAGS).
 */
const RENAME: Record<string, string> = { B: 'strong', I: 'em', DIV: 'p', H1: 'h3', H2: 'h3', H5: 'h4', H6: 'h4' };

export function normaliseNarrativeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const el of [...doc.body.querySelectorAll(Object.keys(RENAME).join(','))]) {
    const next = doc.createElement(RENAME[el.tagName] as string);
    while (el.firstChild) next.appendChild(el.firstChild);
    el.replaceWith(next);
  }
  // Styling spans the browser adds around pasted or re-formatted text carry nothing the report keeps.
  for (const span of [...doc.body.querySelectorAll('span')]) span.replaceWith(...span.childNodes);
  // Empty paragraphs (a trailing Enter) would print as blank space.
  for (const p of [...doc.body.querySelectorAll('p')]) if (!p.textContent?.trim() && !p.querySelector(':not(br)')) p.remove();
  const out = doc.body.innerHTML.trim();
  return out === '<br>' ? '' : out;
}
