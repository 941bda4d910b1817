import { LIBRARY_FILE_EXTENSIONS, LIBRARY_FILE_TYPES, type LibraryFileType } from '@mosaico/contracts/library';

// What the library accepts is decided from the bytes and the name together: a file is stored only when its
// extension is on the allow-list and its content is of that very type. Markup (HTML, SVG, scripts) is never
// accepted, so a download can never become a page that runs in the application's origin.

export type FileCheck = { ok: true; fileType: LibraryFileType; fileName: string } | { ok: false; code: string; params: Record<string, string | number> };

const MAX_NAME = 150;

/**
 * The name a file is stored and offered under: its last path segment only, Unicode NFC, without control or
 * format characters (bidi overrides included), without characters file systems refuse, without leading or
 * trailing dots and spaces, at most 150 characters with its extension kept.
 */
export function sanitiseFileName(raw: string): string {
  let name = (raw.normalize('NFC').split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length).replace(/[.\s]+$/, '') + ext;
  }
  return name;
}

/** The lower-case extension of a name ('jpeg' counts as 'jpg'), or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const ext = name.slice(dot + 1).toLowerCase();
  return ext === 'jpeg' ? 'jpg' : ext;
}

const startsWith = (buf: Buffer, sig: number[]) => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** The names of a ZIP archive's entries, from its central directory; null when it is not a readable ZIP. */
export function zipEntryNames(buf: Buffer): string[] | null {
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > buf.length) return null;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at = next;
  }
  return names;
}

/** An OpenDocument file's declared type: the stored first entry "mimetype", as the format requires. */
function odfMimetype(buf: Buffer): string | null {
  if (buf.length < 38 || buf.readUInt16LE(8) !== 0 || buf.toString('latin1', 30, 38) !== 'mimetype') return null;
  const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  const size = buf.readUInt32LE(18);
  if (size > 200 || start + size > buf.length) return null;
  return buf.toString('latin1', start, start + size);
}

type Detected = LibraryFileType | 'text' | 'zip' | 'macros' | 'markup' | 'unknown';

/** What the bytes are, whatever the name says. */
export function detectFileType(buf: Buffer): Detected {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const odf = odfMimetype(buf);
    if (odf === LIBRARY_FILE_TYPES.odt) return 'odt';
    if (odf === LIBRARY_FILE_TYPES.ods) return 'ods';
    const names = zipEntryNames(buf);
    if (!names?.includes('[Content_Types].xml')) return 'zip';
    if (names.some((n) => /vbaProject\.bin$/i.test(n))) return 'macros';
    if (names.includes('word/document.xml')) return 'docx';
    if (names.some((n) => /^xl\/workbook\d*\.xml$/.test(n))) return 'xlsx';
    if (names.includes('ppt/presentation.xml')) return 'pptx';
    return 'zip';
  }
  if (buf.includes(0)) return 'unknown';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return 'unknown';
  }
  // A browser that ignored the download headers would still sniff these as active content.
  if (/<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|link|style|\?xml)[\s>/]/i.test(text.slice(0, 64 * 1024))) return 'markup';
  return 'text';
}

const describe: Record<string, string> = {
  pdf: 'PDF',
  png: 'PNG',
  jpg: 'JPEG',
  docx: 'Word (DOCX)',
  xlsx: 'Excel (XLSX)',
  pptx: 'PowerPoint (PPTX)',
  odt: 'OpenDocument (ODT)',
  ods: 'OpenDocument (ODS)',
  text: 'testo',
  zip: 'archivio ZIP',
  unknown: 'sconosciuto',
};

/** Accepts a file only when its extension is allowed and its bytes are of that type; otherwise says why. */
export function checkLibraryFile(rawName: string, content: Buffer): FileCheck {
  const fileName = sanitiseFileName(rawName);
  const ext = extensionOf(fileName);
  const allowed = LIBRARY_FILE_EXTENSIONS.join(', ');
  if (!content.length) return { ok: false, code: 'library_file_empty', params: {} };
  if (!fileName || !ext) return { ok: false, code: 'library_file_no_extension', params: { allowed } };
  if (!(LIBRARY_FILE_EXTENSIONS as string[]).includes(ext)) return { ok: false, code: 'library_type_not_allowed', params: { ext, allowed } };
  const found = detectFileType(content);
  if (found === 'markup') return { ok: false, code: 'library_markup', params: { ext } };
  if (found === 'macros') return { ok: false, code: 'library_macros', params: { ext } };
  const matches = found === ext || (found === 'text' && (ext === 'csv' || ext === 'txt'));
  if (!matches) return { ok: false, code: 'library_type_mismatch', params: { ext, found: describe[found] ?? found } };
  return { ok: true, fileType: ext as LibraryFileType, fileName };
}

/** Content-Disposition for a download: an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii || 'documento'}"; filename*=UTF-8''${encoded}`;
}
