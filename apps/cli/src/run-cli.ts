import { ConfigError, loadConfig } from '@kom/platform';
import { UsageError, type CliCommand } from './cli-command';
import { tokenCommand } from './commands/token.command';
import { verifyCommand } from './commands/verify.command';
import { exportAuditCommand } from './commands/export-audit.command';
import { replayCommand } from './commands/replay.command';
import { agendaCommand, calendarCommand, minutesCommand, registerCommand, reportCommand } from './commands/documents.command';
import { rebuildReadModelsCommand } from './commands/rebuild-read-models.command';
import { migrateStoreCommand } from './commands/migrate-store.command';
import { backupCommand } from './commands/backup.command';
import { restoreCommand } from './commands/restore.command';

export const COMMANDS: readonly CliCommand[] = [
  tokenCommand,
  verifyCommand,
  exportAuditCommand,
  replayCommand,
  rebuildReadModelsCommand,
  migrateStoreCommand,
  backupCommand,
  restoreCommand,
  agendaCommand,
  minutesCommand,
  registerCommand,
  calendarCommand,
  reportCommand,
];

function help(): string {
  return ['Usage: npm run kom -- <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
}

/** Returns the exit code: 0 done, 1 failed, 2 bad usage or configuration. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(`Unknown command "${name}".\n${help()}`);
    return 2;
  }
  try {
    await command.run(rest, loadConfig(env), out);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\nUsage: npm run kom -- ${command.usage}`);
      return 2;
    }
    err(`${command.name} failed: ${(error as Error).message}`);
    return 1;
  }
}
