import { Command } from 'commander';
import { SpawnApiError } from './api-client.ts';
import { adminCommands } from './commands/admin-commands.ts';
import { fleetCommands } from './commands/fleet-commands.ts';
import { backupCommands } from './commands/backup-commands.ts';
import { creditsCommands } from './commands/credits-commands.ts';
import { functionCommands } from './commands/function-commands.ts';
import { loginCommands } from './commands/login-command.ts';
import { sessionCommands } from './commands/session-commands.ts';
import { upCommand } from './commands/up-command.ts';
import { workerCommand } from './commands/worker-command.ts';

const program = new Command('spawnai').description('turn a sentence into a running, self-destroying app').version('0.1.0');
upCommand(program);
workerCommand(program);
sessionCommands(program);
functionCommands(program);
adminCommands(program);
backupCommands(program);
fleetCommands(program);
creditsCommands(program);
loginCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof SpawnApiError) {
    console.error(`✖ ${err.code}: ${err.message}`);
  } else {
    console.error(`✖ ${(err as Error).message}`);
  }
  process.exit(1);
}
