import { BackupError } from "../backup/errors";

/**
 * Runs a backup or restore command: a refusal prints its message alone and sets the exit code (2 for a
 * wrong command line, 1 otherwise); anything unexpected keeps its stack.
 */
export async function runBackupCommand(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    process.exitCode = error.exitCode;
  }
}
