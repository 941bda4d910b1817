/** Splits `--key value`, `--key=value` and `--flag` options from positional arguments. */
export function parseArgs(argv: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) options[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options[a.slice(2)] = argv[++i];
    else options[a.slice(2)] = true;
  }
  return { positional, options };
}

export interface Command {
  usage: string;
  description: string;
  run(args: { positional: string[]; options: Record<string, string | true> }, env: CliEnv): Promise<void>;
}

export interface CliEnv {
  ctx: import('../platform/context.ts').Ctx;
  print(line: string): void;
}

/** Thrown for a usage mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
