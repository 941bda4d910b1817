// Every page of the app, as the national administrator (who sees them all), checked with axe;
// then the pages a signed-out visitor can reach.
export default async function everyPageJourney({ page, base, checkA11y }) {
  await page.goto(`${base}/accesso`);
  await page.getByLabel('E-mail').fill('admin@mosaico.demo');
  await page.getByLabel('Password', { exact: true }).fill('Mosaico-Demo-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('Anna Ministero').first().waitFor();

  // The header's menu fits one line for the user who sees the most entries (the rest sit under "Amministrazione").
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow}px wider than the window`);

  const orgs = await page.evaluate(async () => (await (await fetch('/api/v1/organizations?pageSize=1')).json()).items);
  const users = await page.evaluate(async () => (await (await fetch('/api/v1/users?pageSize=1')).json()).items);
  const councils = await page.evaluate(async () => (await (await fetch('/api/v1/councils?q=Napoli')).json()));
  const pages = [
    ['home', '/'],
    ['territori', '/territori'],
    ['regione Sardegna 2023', '/territori/20?at=2023-06-30'],
    ['provincia Sud Sardegna 2023', '/territori/111?at=2023-06-30'],
    ['comune Cagliari', '/territori/118006'],
    ['consigli', '/consigli'],
    ['consiglio Napoli', `/consigli/${councils[0].id}`],
    ['organizzazioni', '/organizzazioni'],
    ['organizzazione', `/organizzazioni/${orgs[0].id}`],
    ['modifica organizzazione', `/organizzazioni/${orgs[0].id}/modifica`],
    ['importa organizzazioni', '/organizzazioni/importa'],
    ['utenti', '/utenti'],
    ['nuovo utente', '/utenti/nuovo'],
    ['utente', `/utenti/${users[0].id}`],
    ['registro attività', '/registro-attivita'],
    ['posta in uscita', '/posta-in-uscita'],
    ['amministrazione', '/amministrazione'],
    ['monografie', '/monografie'],
    ['modelli delle monografie', '/monografie/modelli'],
    ['profilo', '/profilo'],
    ['accessibilità', '/accessibilita'],
    ['pagina inesistente', '/non-esiste'],
  ];
  for (const [label, path] of pages) {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await checkA11y(page, label);
  }

  await page.context().clearCookies();
  for (const [label, path] of [
    ['password dimenticata', '/password-dimenticata'],
    ['reimposta password', '/reimposta-password?token=abcdefghijklmnop'],
    ['monografie pubblicate', '/portale/monografie'],
  ]) {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkA11y(page, label);
  }
}
