import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../platform/bootstrap.ts';
import { systemActor } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { translate } from '../platform/http/messages.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { type Command, parseArgs, UsageError } from './args.ts';
import { dbCommands } from './db.command.ts';
import { organizationCommands } from './organizations.command.ts';
import { usersCommands } from './users.command.ts';

const commands: Record<string, Command> = { ...dbCommands, ...usersCommands, ...organizationCommands };

function help() {
  console.log('Uso: mosaico <comando> [opzioni]\n');
  for (const c of Object.values(commands)) console.log(`  ${c.usage}\n      ${c.description}\n`);
}

async function run(argv: string[]) {
  const name = Object.keys(commands).find((k) => k.split(' ').every((w, i) => argv[i] === w));
  if (!name) {
    help();
    return argv.length && argv[0] !== 'help' && argv[0] !== '--help' ? 2 : 0;
  }
  const args = parseArgs(argv.slice(name.split(' ').length));
  const config = loadConfig();
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const database = await prepareDatabase(config, (m) => console.log(m));
  try {
    await commands[name].run(args, {
      ctx: { db: database.db, actor: systemActor, requestId: null, lang: 'it', config, mailer },
      print: (line) => console.log(line),
    });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\nUso: ${commands[name].usage}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(translate(err.code, 'it', err.params));
      const issues = (err.details as { issues?: { field: string; message: string }[] } | undefined)?.issues;
      for (const i of issues ?? []) console.error(`  ${i.field}: ${i.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
