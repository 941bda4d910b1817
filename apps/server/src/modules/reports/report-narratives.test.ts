import { NARRATIVE_MAX_CHARS } from '@mosaico/contracts/reports';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { narrativeText, sanitizeNarrative } from './narrative-html.ts';
import { createReportAs, reportAudit, seedTemplate } from './reports.fixtures.ts';
import { reportNarratives } from './reports.schema.ts';
import { closeRenderPool } from './report-files.service.ts';

describe('sanitizeNarrative', () => {
  it.each([
    ['<p>Testo<script>alert(1)</script></p>', '<p>Testo</p>'],
    ['<p onclick="x()">Testo</p><img src=x onerror="alert(1)">', '<p>Testo</p>'],
    ['<a href="javascript:alert(1)">clic</a>', '<a>clic</a>'],
    ['<a href="JaVaScRiPt:alert(1)">clic</a>', '<a>clic</a>'],
    ['<a href="data:text/html,x">clic</a>', '<a>clic</a>'],
    ['<a href="https://www.istat.it" target="_blank" onmouseover="x">Istat</a>', '<a href="https://www.istat.it" rel="noopener noreferrer">Istat</a>'],
    ['<a href="mailto:cti@prefettura.it">scrivi</a>', '<a href="mailto:cti@prefettura.it" rel="noopener noreferrer">scrivi</a>'],
    ['<h2 style="color:red">Titolo</h2><h3 class="x">Sezione</h3>', 'Titolo<h3>Sezione</h3>'],
    ['<iframe src="https://evil.example"></iframe><style>p{}</style><p>ok</p>', '<p>ok</p>'],
    ['<table><tr><th scope="col" onclick="x">A</th><th scope="evil">B</th><td colspan="2" rowspan="1" style="x">1</td></tr></table>', '<table><tr><th scope="col">A</th><th>B</th><td colspan="2" rowspan="1">1</td></tr></table>'],
    ['<ul><li><strong>uno</strong></li><li><em>due</em></li></ul><blockquote>c</blockquote>', '<ul><li><strong>uno</strong></li><li><em>due</em></li></ul><blockquote>c</blockquote>'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeNarrative(input)).toBe(output);
  });

  it('reads the plain text of a narrative, one line per block', () => {
    expect(narrativeText('<h3>Titolo</h3><p>Uno &amp; due</p><ul><li>a</li><li>b</li></ul>')).toBe('Titolo\nUno & due\na\nb');
  });
});

let t: TestApp;
let p: People;
let milano: Client;
let tutor: Client;
let coordinator: Client;
let reportId: number;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  [milano, tutor, coordinator] = await Promise.all([p.milano, p.tutor, p.coordinator].map((x) => signInAs(t, x)));
  reportId = (await createReportAs(milano, p.ids.councilMilano)).id;
});
afterAll(async () => {
  await closeRenderPool();
  await t.close();
});

const url = (key = 'fenomeno_intro') => `/api/v1/reports/${reportId}/narratives/${key}`;
const stored = async (key = 'fenomeno_intro') =>
  (await t.database.db.select().from(reportNarratives).where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.blockKey, key))))[0];

describe('saving a narrative block', () => {
  it('stores the sanitised text, which the document prints, and audits it', async () => {
    const res = await milano.put(url(), { html: '<p>La provincia <strong>cresce</strong>.<script>steal()</script></p><a href="javascript:x">x</a>', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ blockKey: 'fenomeno_intro', html: '<p>La provincia <strong>cresce</strong>.</p><a>x</a>', version: 1, updatedBy: 'Maria Milano' });
    const d = (await milano.get(`/api/v1/reports/${reportId}`)).json();
    expect(d.document.narratives.fenomeno_intro).toBe('<p>La provincia <strong>cresce</strong>.</p><a>x</a>');
    expect(d.narratives.find((n: { blockKey: string }) => n.blockKey === 'fenomeno_intro')).toMatchObject({ version: 1 });
    const audit = (await reportAudit(t, reportId)).filter((a) => a.action === 'edit_narrative');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { version: 0, html: '' }, after: { version: 1, blockKey: 'fenomeno_intro' } });
  });

  it('answers 409 with the current text when someone saved meanwhile, overwriting nothing', async () => {
    expect((await tutor.put(url(), { html: '<p>Versione della tutor</p>', version: 1 })).statusCode).toBe(200);
    const stale = await milano.put(url(), { html: '<p>Versione della referente</p>', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2, current: { html: '<p>Versione della tutor</p>', version: 2, updatedBy: 'Tina Tutor' } } });
    expect((await stored()).html).toBe('<p>Versione della tutor</p>');
    // A block never written is version 0: a second "first save" loses too.
    expect((await milano.put(url('fenomeno_commento'), { html: '<p>a</p>', version: 0 })).statusCode).toBe(200);
    expect((await tutor.put(url('fenomeno_commento'), { html: '<p>b</p>', version: 0 })).statusCode).toBe(409);
  });

  it('refuses bad input with an Italian message naming the field, writing nothing', async () => {
    const before = await stored();
    const tooLong = await milano.put(url(), { html: 'x'.repeat(NARRATIVE_MAX_CHARS + 1), version: 2 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.issues[0]).toMatchObject({ field: 'html', message: `Al massimo ${NARRATIVE_MAX_CHARS} caratteri.` });
    const noVersion = await milano.put(url(), { html: '<p>x</p>' });
    expect(noVersion.json().error.details.issues[0]).toMatchObject({ field: 'version', message: 'Campo obbligatorio.' });
    const notNarrative = await milano.put(url('fenomeno_cifre'), { html: '<p>x</p>', version: 0 });
    expect(notNarrative.statusCode).toBe(400);
    expect(notNarrative.json().error.details.issues[0]).toMatchObject({ field: 'blockKey', message: 'Il blocco «fenomeno_cifre» non è un testo della versione attuale della monografia.' });
    const badKey = await milano.put(url('Bad-Key!'), { html: '<p>x</p>', version: 0 });
    expect(badKey.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    expect(await stored('fenomeno_cifre')).toBeUndefined();
  });

  it('is refused to a regional coordinator (reads, comments, does not write)', async () => {
    const res = await coordinator.put(url(), { html: '<p>x</p>', version: 2 });
    expect(res.statusCode).toBe(403);
  });
});
