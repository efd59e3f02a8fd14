import type { CliCommand } from './command';
import { CliError, type CliIo } from './io';

export async function runCli(argv: string[], io: CliIo, commands: CliCommand[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    io.out('Usage: npm run heard -- <command> [options]\n');
    for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Heard has no command called "${name}". Run "npm run heard -- help" to see the commands.`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${e.message}\nUsage: npm run heard -- ${command.usage}`);
      return 2;
    }
    // Never print an unexpected error's message: it may quote a record.
    io.err(`The command failed unexpectedly (${e instanceof Error ? e.name : 'error'}). Nothing was changed.`);
    return 1;
  }
}
