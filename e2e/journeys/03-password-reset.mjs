// A forgotten password: ask for a link, read it in the outbox (no SMTP here) as the administrator,
// choose a new password with a too-short one first, sign in with the new one.
import assert from 'node:assert/strict';

export default async function passwordResetJourney({ page, base, checkA11y }) {
  await page.goto(`${base}/password-dimenticata`);
  await page.getByLabel('E-mail').fill('tutor@mosaico.demo');
  await page.getByRole('button', { name: /Invia/ }).click();
  await page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /tutor@mosaico\.demo|se l.indirizzo|riceverai/i }).first().waitFor();
  await checkA11y(page, 'password dimenticata, inviata');

  // The administrator reads the outbox through the API the outbox page uses.
  const admin = await page.context().browser().newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto(`${base}/accesso`);
  await adminPage.getByLabel('E-mail').fill('admin@mosaico.demo');
  await adminPage.getByLabel('Password', { exact: true }).fill('Mosaico-Demo-2026');
  await adminPage.getByRole('button', { name: 'Accedi' }).click();
  await adminPage.getByText('Anna Ministero').first().waitFor();
  await adminPage.goto(`${base}/posta-in-uscita`);
  await adminPage.getByText('tutor@mosaico.demo').first().waitFor();
  const mail = await adminPage.evaluate(async () => (await (await fetch('/api/v1/outbox?to=tutor@mosaico.demo')).json()).items[0]);
  await admin.close();
  const link = /https?:\/\/\S+reimposta-password\?token=\S+/.exec(mail.body)?.[0];
  assert.ok(link, 'the e-mail carries a reset link');

  await page.goto(link.replace(/^https?:\/\/[^/]+/, base));
  const fresh = page.getByLabel('Nuova password', { exact: true });
  const repeat = page.getByLabel('Ripeti la nuova password');
  await fresh.fill('corta');
  await repeat.fill('corta');
  await page.getByRole('button', { name: 'Reimposta la password' }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).waitFor();
  await checkA11y(page, 'reimposta password con errore');
  await fresh.fill('Una-Password-Nuova-2026');
  await repeat.fill('Una-Password-Nuova-2026');
  await page.getByRole('button', { name: 'Reimposta la password' }).click();
  await page.getByRole('status').filter({ hasText: /password/i }).first().waitFor();
  await checkA11y(page, 'password reimpostata');

  await page.goto(`${base}/accesso`);
  await page.getByLabel('E-mail').fill('tutor@mosaico.demo');
  await page.getByLabel('Password', { exact: true }).fill('Una-Password-Nuova-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('Tiziana Tutor').first().waitFor();
}
