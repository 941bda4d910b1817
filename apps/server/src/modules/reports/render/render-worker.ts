import { parentPort } from 'node:worker_threads';
import type { ReportDocument } from '@mosaico/contracts/reports';
import { renderReportDocx } from './report-docx.ts';
import { renderReportPdf } from './report-pdf.ts';

/** One renderer thread of the pool: renders each document it is sent and answers with the file's bytes. */

export interface RenderRequest {
  id: number;
  format: 'pdf' | 'docx';
  doc: ReportDocument;
}
export type RenderReply = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; error: string };

if (!parentPort) throw new Error('render-worker runs in a worker thread');
const port = parentPort;
port.on('message', async (req: RenderRequest) => {
  try {
    const buf = req.format === 'pdf' ? await renderReportPdf(req.doc) : await renderReportDocx(req.doc);
    // A fresh ArrayBuffer of exactly the file, transferred rather than copied.
    const data = new Uint8Array(buf.byteLength);
    data.set(buf);
    port.postMessage({ id: req.id, ok: true, data } satisfies RenderReply, [data.buffer]);
  } catch (err) {
    port.postMessage({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RenderReply);
  }
});
