import { FieldError, FormError } from "./errors";
import { ConfigError } from "./env";

/**
 * Runs a command-line entry point. Problems a person can fix (configuration,
 * a taken email, a locked database folder) print as one line; only bugs print
 * a stack trace.
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof FormError) console.error(`patchthrough: ${error.message}`);
      else if (error instanceof FieldError) console.error(`patchthrough: --${error.field}: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
