import { NARRATIVE_TAGS } from '@mosaico/contracts/reports';
import sanitizeHtml from 'sanitize-html';

const SAFE_HREF = /^\s*(https?:\/\/|mailto:)/i;

/**
 * The narrative's HTML reduced to what the renderers print (NARRATIVE_TAGS): no scripts, styles, event
 * handlers or foreign URLs; links only to http, https and mailto, and never able to reach back to the page
 * that opened them.
 */
export function sanitizeNarrative(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...NARRATIVE_TAGS],
    allowedAttributes: { a: ['href', 'rel'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Content of dropped containers (script, style, iframe…) goes with them; the text of other tags stays.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
    transformTags: {
      // rel is set here, never taken from the author: the transform's output replaces the attributes given.
      a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: SAFE_HREF.test(attribs.href ?? '') ? { href: attribs.href.trim(), rel: 'noopener noreferrer' } : {} }),
      th: (tagName, attribs) => ({ tagName, attribs: keepScope(attribs) }),
    },
    allowedClasses: {},
  }).trim();
}

/** Only the two scopes a table header can have in a report. */
function keepScope(attribs: Record<string, string>) {
  const out = { ...attribs };
  if (out.scope && out.scope !== 'row' && out.scope !== 'col') delete out.scope;
  return out;
}

/** The text a reader sees, for comparing versions: tags dropped, block ends as line breaks, entities decoded. */
export function narrativeText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h3|h4|li|tr|blockquote|caption)>|<br\s*\/?>/gi, '$&\n'), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
