import type { ReportDocument } from '@mosaico/contracts/reports';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixtureDocument } from './report-document.fixture.ts';
import { createRenderPool, type RenderPool } from './render-pool.ts';

describe('createRenderPool', () => {
  let pool: RenderPool | null = null;
  afterAll(async () => {
    await pool?.close();
  });

  it('renders PDF and DOCX in worker threads (which load the TypeScript renderers) and survives a failing document', async () => {
    pool = createRenderPool(2);
    expect(pool.size).toBe(2);
    const broken = { ...buildFixtureDocument('ITC45'), snapshot: null } as unknown as ReportDocument;
    const [pdf, docx, failed, other] = await Promise.allSettled([
      pool.render('pdf', buildFixtureDocument('ITC45')),
      pool.render('docx', buildFixtureDocument('ITC46')),
      pool.render('pdf', broken),
      pool.render('pdf', buildFixtureDocument('ITC47')),
    ]);
    expect(pdf.status === 'fulfilled' && pdf.value.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(docx.status === 'fulfilled' && docx.value.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(failed.status).toBe('rejected');
    expect(failed.status === 'rejected' && String(failed.reason)).toMatch(/report rendering failed/);
    expect(other.status === 'fulfilled' && other.value.toString('latin1')).toContain('Monografia provinciale');
    const inFlight = expect(pool.render('pdf', buildFixtureDocument('ITC45'))).rejects.toThrow(/closed/);
    await pool.close();
    await inFlight;
    await expect(pool.render('pdf', buildFixtureDocument('ITC45'))).rejects.toThrow(/closed/);
  });
});
