import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { createTestUser, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  admin = await signInAs(t, p.admin);
});
afterAll(() => t.close());

describe('GET /outbox', () => {
  it('lists the e-mails queued, newest first, with what an admin needs to pass them on', async () => {
    const invited = await createTestUser(t, { email: 'posta.invito@example.test', password: null });
    await client(t.app).post('/api/v1/auth/password-reset', { email: p.milano.email });
    const res = await admin.get('/api/v1/outbox?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 2, total: 2 });
    expect(body.items.map((m: { to: string }) => m.to)).toEqual([p.milano.email, invited.email]);
    const [reset, invitation] = body.items;
    expect(reset).toMatchObject({ subject: 'Mosaico: reimposta la password', sentAt: null, error: null });
    expect(Date.parse(reset.createdAt)).not.toBeNaN();
    // Without SMTP the outbox is the only way the link reaches the person: it is shown whole.
    expect(invitation.body).toMatch(/reimposta-password\?token=[A-Za-z0-9_-]{40,}/);
  });

  it('filters by recipient and pages', async () => {
    const res = await admin.get('/api/v1/outbox?to=POSTA.INVITO');
    expect(res.json().items.map((m: { to: string }) => m.to)).toEqual(['posta.invito@example.test']);
    const page2 = await admin.get('/api/v1/outbox?pageSize=1&page=2');
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().items[0].to).toBe('posta.invito@example.test');
  });

  it('masks one-time links once a message has been delivered, and shows delivery errors', async () => {
    await t.database.db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.to, 'posta.invito@example.test'));
    await t.database.db.update(outbox).set({ error: 'connect ECONNREFUSED 127.0.0.1:25' }).where(eq(outbox.to, p.milano.email));
    const items = (await admin.get('/api/v1/outbox')).json().items as { to: string; body: string; sentAt: string | null; error: string | null }[];
    const sent = items.find((m) => m.to === 'posta.invito@example.test');
    expect(sent?.sentAt).not.toBeNull();
    expect(sent?.body).toContain('reimposta-password?token=…');
    expect(sent?.body).not.toMatch(/token=[A-Za-z0-9_-]{40,}/);
    const failed = items.find((m) => m.to === p.milano.email);
    expect(failed).toMatchObject({ sentAt: null, error: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(failed?.body).toMatch(/token=[A-Za-z0-9_-]{40,}/);
  });

  it('is for national admins only', async () => {
    expect((await client(t.app).get('/api/v1/outbox')).statusCode).toBe(401);
    const coordinator = await signInAs(t, p.coordinator);
    const res = await coordinator.get('/api/v1/outbox');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Non hai i permessi per questa operazione in questo ambito.');
  });
});
