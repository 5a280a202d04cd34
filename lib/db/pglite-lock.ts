import fs from "node:fs";
import lockfile from "proper-lockfile";
import { ConfigError } from "../env";

/**
 * PGlite is a single-process database: two processes writing one folder
 * corrupt it. The folder is locked for as long as this process has it open.
 * proper-lockfile keeps the lock fresh, so a lock left by a crashed process
 * goes stale and is taken over rather than blocking forever.
 */
export function lockPgliteFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  try {
    return lockfile.lockSync(folder, {
      lockfilePath: `${folder}.lock`,
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (error) => {
        // Losing the lock means another process may now open the folder; stop
        // writing rather than risk corrupting it.
        console.error(`The embedded database lock on ${folder} was lost: ${error.message}`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new ConfigError(
        `The embedded database in ${folder} is already open in another process (is the app already running?). ` +
          "Stop that process, or set DATA_DIR to another folder, or set DATABASE_URL to use PostgreSQL.",
      );
    }
    throw error;
  }
}
