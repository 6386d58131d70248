import { InputError } from '../shared/errors';

/**
 * Runs a command's main function and turns its failures into one line on stderr. An expected
 * failure (`InputError`) exits with 1, or 2 for a bad option, and prints no stack trace. Anything
 * else is a bug, printed with its stack, and exits with 70 (EX_SOFTWARE).
 */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  // A reader that stops early (`| head`) closes the pipe; that is not a failure of the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof InputError) {
        process.stderr.write(`${name}: ${error.message}\n`);
        process.exitCode = error.code === 'invalid-option' ? 2 : 1;
        return;
      }
      process.stderr.write(
        `${name}: internal error: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
