// Used by .ci/run: creates (or drops) a throwaway PostgreSQL database for the
// test suite, if a server answers at 127.0.0.1:5432. Prints its URL on create.
import postgres from "postgres";

const [command, name] = process.argv.slice(2);
const server = process.env.CI_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sql = postgres(server, { max: 1, connect_timeout: 3, onnotice: () => {} });
try {
  if (command === "create") {
    await sql.unsafe(`create database "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    console.log(url.toString());
  } else if (command === "drop") {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  }
} catch (error) {
  console.error(`ci-database: ${command} ${name}: ${error.code ?? error.message}`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 2 });
}
