import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from '@mosaico/contracts/reports';
import type { RenderReply, RenderRequest } from './render-worker.ts';

/**
 * A pool of renderer threads, so a batch of reports uses every core: rendering is CPU-bound (layout, ECharts,
 * font subsetting, PNG rasterising) and one thread would leave the other core idle.
 */
export interface RenderPool {
  render(format: 'pdf' | 'docx', doc: ReportDocument): Promise<Buffer>;
  close(): Promise<void>;
  readonly size: number;
}

interface Job {
  req: RenderRequest;
  resolve: (b: Buffer) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  job: Job | null;
}

const ENTRY = new URL('./render-worker-entry.mjs', import.meta.url);

export function createRenderPool(size = os.availableParallelism()): RenderPool {
  const n = Math.max(1, Math.floor(size));
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(ENTRY), job: null };
    slot.worker.on('message', (reply: RenderReply) => {
      const job = slot.job;
      slot.job = null;
      if (job) {
        if (reply.ok) job.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
        else job.reject(new Error(`report rendering failed: ${reply.error}`));
      }
      pump();
    });
    const fail = (err: Error) => {
      // A crashed thread fails its own job only; a new thread takes its place for the rest of the queue.
      const job = slot.job;
      slot.job = null;
      job?.reject(err);
      const i = slots.indexOf(slot);
      if (i >= 0 && !closed) {
        slots[i] = spawn();
        pump();
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(new Error(`render worker exited with code ${code}`));
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.postMessage(job.req);
    }
  };

  for (let i = 0; i < n; i++) slots.push(spawn());

  return {
    size: n,
    render(format, doc) {
      if (closed) return Promise.reject(new Error('render pool is closed'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ req: { id: ++nextId, format, doc }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('render pool is closed'));
      // Jobs still rendering are abandoned with their thread: their callers hear so rather than wait forever.
      for (const slot of slots) {
        slot.job?.reject(new Error('render pool is closed'));
        slot.job = null;
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
