import { isLeakriskError } from '@leakrisk/survey';
import { fileSystemError, isSystemError } from './output/index.js';

/** A mistake in how the command was called (unknown option, missing argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

/**
 * Turns what a command threw into the contract's exit code and one clear message on stderr:
 * user errors (bad input, unmet privacy requirement) exit 1 without a stack trace, usage errors 2.
 * A file-system error that no command turned into a message (a file vanishing mid-run, a full
 * disk) is one too: one line naming the file and the cause, exit 1. Anything else is a bug in
 * leakrisk: it is reported with its stack so that it can be fixed.
 */
export function reportFailure(error: unknown, stderr: (text: string) => void): number {
  if (error instanceof UsageError) {
    stderr(`leakrisk: ${error.message}\n(run with --help for usage)\n`);
    return EXIT_USAGE;
  }
  if (isLeakriskError(error)) {
    stderr(`leakrisk: ${error.format()}\n`);
    return EXIT_USER_ERROR;
  }
  if (isSystemError(error)) {
    const path = typeof error.path === 'string' ? error.path : '(unknown file)';
    stderr(`leakrisk: ${fileSystemError(error, path, undefined, `cannot ${error.syscall ?? 'use'} this file`).format()}\n`);
    return EXIT_USER_ERROR;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr(`leakrisk: internal error (please report it with the command you ran):\n${detail}\n`);
  return EXIT_USER_ERROR;
}
