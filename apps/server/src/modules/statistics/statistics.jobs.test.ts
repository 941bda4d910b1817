import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../platform/jobs/job-runner.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs, systemCtx } from '../users/users.fixtures.ts';
import { CRUSCOTTO, upload } from './imports.fixtures.ts';
import { applyImportJob, useImportQueue } from './statistics.jobs.ts';

let t: TestApp;
let p: People;
let admin: Client;
let runner: JobRunner;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  admin = await signInAs(t, p.admin);
  const ctx = systemCtx(t);
  runner = createJobRunner({ database: t.database, config: ctx.config, mailer: ctx.mailer, definitions: [applyImportJob], worker: false });
  await runner.start();
  useImportQueue((importId) => runner.enqueue(applyImportJob, { importId }));
});
afterAll(async () => {
  useImportQueue(null);
  await runner.stop();
  await t.close();
});

describe('apply as a background job', () => {
  it('queues the apply; the job writes it and reports progress', async () => {
    const dry = (await upload(admin, fs.readFileSync(CRUSCOTTO), 'cruscotto.csv')).json();
    const queued = await admin.post(`/api/v1/imports/${dry.id}/apply`, {});
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', progress: { done: 0, total: dry.counts.rows } });
    const ran = await runner.drain();
    expect(ran).toEqual([expect.objectContaining({ name: 'statistics.apply-import', ok: true })]);
    const done = (await admin.get(`/api/v1/imports/${dry.id}`)).json();
    expect(done).toMatchObject({ status: 'applied', progress: { done: dry.counts.rows, total: dry.counts.rows }, counts: { new: dry.counts.new } });
  });
});
