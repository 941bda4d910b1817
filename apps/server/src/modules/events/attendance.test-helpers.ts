import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// poppler-utils (pdftotext, pdfinfo) read the PDFs as a text extractor or an assistive technology would.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-attendance-'));
export function pdfText(pdf: Buffer, tool: 'pdftotext' | 'pdfinfo' = 'pdftotext'): string {
  const file = path.join(tmp, `p-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
}
