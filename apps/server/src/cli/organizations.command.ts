import fs from 'node:fs/promises';
import { ORGANIZATION_KINDS } from '@mosaico/contracts/vocabulary';
import { AppError } from '../platform/http/errors.ts';
import { exportOrganizationsCsv, importOrganizationsCsv } from '../modules/organizations/organizations-csv.ts';
import { type Command, UsageError } from './args.ts';

type RowError = { line: number; field: string; message: string };

const printErrors = (errors: RowError[], print: (line: string) => void) => {
  for (const e of errors) print(`  riga ${e.line}, ${e.field}: ${e.message}`);
};

export const organizationCommands: Record<string, Command> = {
  'organizations import': {
    usage: 'mosaico organizations import FILE.csv [--apply]',
    description:
      'Importa attori territoriali da CSV (colonne id;name;kind;territory_code;council_code;...). Senza --apply è una prova: controlla e riporta, senza scrivere.',
    async run({ positional, options }, env) {
      const [file] = positional;
      if (!file) throw new UsageError('Indica il file CSV da importare.');
      const apply = options.apply === true;
      const content = await fs.readFile(file).catch(() => {
        throw new UsageError(`File non leggibile: ${file}`);
      });
      try {
        const r = await importOrganizationsCsv(env.ctx, async () => content, !apply);
        const rows = r.total === 1 ? '1 riga' : `${r.total} righe`;
        env.print(
          apply
            ? `${rows}: ${r.created} creati, ${r.updated} aggiornati, ${r.unchanged} invariati.`
            : `${rows}: ${r.created} da creare, ${r.updated} da aggiornare, ${r.unchanged} invariati.`,
        );
        if (r.errors.length) {
          const lines = new Set(r.errors.map((e) => e.line)).size;
          env.print(lines === 1 ? '1 riga con errori:' : `${lines} righe con errori:`);
          printErrors(r.errors, env.print);
          throw new AppError('invalid', 'csv_has_errors', { count: lines });
        }
        env.print(apply ? 'Importazione completata.' : 'Prova riuscita, nulla è stato scritto: ripeti con --apply per importare.');
      } catch (err) {
        // With --apply a file with errors is refused as a whole: list the rows to fix.
        if (err instanceof AppError && err.code === 'csv_has_errors' && apply) {
          printErrors((err.details as { errors?: RowError[] } | undefined)?.errors ?? [], env.print);
        }
        throw err;
      }
    },
  },
  'organizations export': {
    usage: 'mosaico organizations export [--out FILE.csv] [--region CODICE] [--kind TIPO]',
    description: 'Esporta gli attori territoriali in CSV (UTF-8 con BOM, separatore ;), reimportabile senza modifiche. Senza --out scrive sullo standard output.',
    async run({ options }, env) {
      const region = typeof options.region === 'string' ? options.region : undefined;
      const kind = typeof options.kind === 'string' ? options.kind : undefined;
      if (kind && !(ORGANIZATION_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`Tipo sconosciuto: ${kind}. Tipi: ${ORGANIZATION_KINDS.join(', ')}.`);
      }
      const { csv, count } = await exportOrganizationsCsv(env.ctx, { region, kind: kind as (typeof ORGANIZATION_KINDS)[number] | undefined, sort: 'name' });
      if (typeof options.out === 'string') {
        await fs.writeFile(options.out, csv);
        env.print(`Esportati ${count} attori in ${options.out}.`);
      } else {
        env.print(csv.replace(/\r\n$/, ''));
      }
    },
  },
};
