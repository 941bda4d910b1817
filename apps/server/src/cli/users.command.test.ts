import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../platform/mail/mail.schema.ts';
import { AppError } from '../platform/http/errors.ts';
import { translate } from '../platform/http/messages.ts';
import { createTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { createTestOrganization, systemCtx } from '../modules/users/users.fixtures.ts';
import { parseArgs, UsageError } from './args.ts';
import { usersCommands } from './users.command.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Runs a users command against the test database and returns what it printed. */
async function run(command: string, argv: string[]) {
  const lines: string[] = [];
  await usersCommands[command].run(parseArgs(argv), { ctx: systemCtx(t), print: (l) => lines.push(l) });
  return lines.join('\n');
}

/** The Italian message the command line prints for a refused command. */
async function failure(command: string, argv: string[]) {
  try {
    await run(command, argv);
  } catch (err) {
    if (err instanceof AppError) return translate(err.code, 'it', err.params);
    if (err instanceof UsageError) return `uso: ${err.message}`;
    throw err;
  }
  throw new Error('the command did not fail');
}

describe('mosaico users', () => {
  it('creates a regional coordinator by the region’s ISTAT code, with a password', async () => {
    const out = await run('users create', ['--email', 'rosa@example.test', '--name', 'Rosa Regione', '--role', 'regional_coordinator', '--scope', '03', '--password', 'Password-della-CLI-1']);
    expect(out).toMatch(/^Creato l’utente rosa@example\.test \(id \d+\): regional_coordinator \(Lombardia\)\.$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'rosa@example.test', password: 'Password-della-CLI-1' } });
    expect(login.statusCode).toBe(200);
  });

  it('without a password says the invitation waits in the outbox', async () => {
    const out = await run('users create', ['--email', 'mario@example.test', '--name', 'Mario Milano', '--role', 'council_referent', '--scope', 'cti-mi']);
    expect(out).toContain('council_referent (Consiglio Territoriale per l’Immigrazione di Milano)');
    expect(out).toContain('Invito accodato nell’outbox');
    const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.to, 'mario@example.test'));
    expect(mail.body).toContain('Per scegliere la tua password');
  });

  it('grants roles by e-mail: a council by code, an organisation by id, the nation without scope', async () => {
    const org = await createTestOrganization(t, 'CTI-MI', 'Comune di Milano (CLI)');
    await run('users grant', ['--email', 'MARIO@example.test', '--role', 'data_provider', '--scope', String(org)]);
    await run('users grant', ['--email', 'mario@example.test', '--role', 'tutor', '--scope-type', 'council', '--scope', 'CTI-NA']);
    const out = await run('users grant', ['--email', 'mario@example.test', '--role', 'national_admin']);
    expect(out).toBe(
      'Ruoli di mario@example.test: council_referent (Consiglio Territoriale per l’Immigrazione di Milano), data_provider (Comune di Milano (CLI)), tutor (Consiglio Territoriale per l’Immigrazione di Napoli), national_admin (Italia).',
    );
  });

  it('lists users with their roles and the pending invitations', async () => {
    const out = await run('users list', []);
    expect(out).toMatch(/mario@example\.test\s+Mario Milano \[invito in attesa\]/);
    expect(out).toMatch(/rosa@example\.test\s+Rosa Regione\n\s+regional_coordinator \(Lombardia\)/);
    expect(out).toMatch(/\n2 utenti\.$/);
  });

  it.each([
    ['users create', ['--email', 'rosa@example.test', '--name', 'Rosa Due', '--role', 'tutor', '--scope-type', 'nation'], 'Esiste già un account con l’e-mail rosa@example.test.'],
    ['users create', ['--email', 'x@example.test', '--name', 'X Y', '--role', 'council_referent', '--scope', 'CTI-ZZ'], 'Ambito inesistente: council CTI-ZZ.'],
    ['users create', ['--email', 'x@example.test', '--name', 'X Y', '--role', 'regional_coordinator', '--scope', '99'], 'Ambito inesistente: region 99.'],
    ['users create', ['--email', 'non-valida', '--name', 'X Y', '--role', 'national_admin'], 'Alcuni dati non sono validi: correggi i campi indicati.'],
    ['users grant', ['--email', 'nessuno@example.test', '--role', 'national_admin'], 'Non trovato: utente nessuno@example.test.'],
    ['users grant', ['--email', 'rosa@example.test', '--role', 'tutor'], 'uso: Il ruolo tutor richiede --scope-type (nation, region, council).'],
    ['users grant', ['--email', 'rosa@example.test', '--role', 'sovrano'], expect.stringContaining('uso: Ruolo sconosciuto: sovrano.')],
    ['users create', ['--name', 'Senza Email', '--role', 'national_admin'], 'uso: Manca --email.'],
  ])('%s %j fails with: %s', async (command, argv, message) => {
    expect(await failure(command, argv as string[])).toEqual(message);
  });
});

describe('the mosaico binary', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bin = path.resolve(import.meta.dirname, '../../bin/mosaico.mjs');
  const mosaico = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, MOSAICO_DATA_DIR: dir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });

  it('creates a user, then refuses the same e-mail with the Italian message and exit code 1', () => {
    const ok = mosaico('users', 'create', '--email', 'bin@example.test', '--name', 'Bianca Bin', '--role', 'national_admin', '--password', 'Password-del-binario');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Creato l’utente bin@example.test');
    const dup = mosaico('users', 'create', '--email', 'BIN@example.test', '--name', 'Bianca Due', '--role', 'national_admin');
    expect(dup.status).toBe(1);
    expect(dup.stderr.split('\n')[0]).toBe('Esiste già un account con l’e-mail bin@example.test.');
  });
});
