/**
 * A backup or restore that was refused or failed for a reason the operator can act on: the CLI prints the
 * message alone (no stack) and exits with `exitCode` — 2 for a wrong command line, 1 otherwise.
 */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "BackupError";
  }
}
