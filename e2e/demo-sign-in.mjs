/** Signs a demo account in (fresh cookies) and waits for the campaigns menu entry the journeys start from. */
export async function signInDemo(page, base, email) {
  await page.context().clearCookies();
  await page.goto(`${base}/accesso`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Mosaico-Demo-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('link', { name: 'Rilevazioni' }).first().waitFor();
}
