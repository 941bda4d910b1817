import type { Command } from './args.ts';

export const dbCommands: Record<string, Command> = {
  'db migrate': {
    usage: 'mosaico db migrate',
    description: 'Applica le migrazioni e carica i dati di riferimento (territori, consigli) se mancano.',
    // Preparing the database (done before every command) migrates and loads the reference data.
    async run(_args, env) {
      env.print('Database aggiornato.');
    },
  },
};
