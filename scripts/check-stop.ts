// npm run check:stop [-- --json]
// Starts the app the way a county server does (`npm start`, small test data, its own PostgreSQL folder and free
// ports), then sends SIGTERM to npm's process, as systemd does; then once more with SIGINT (Ctrl-C). Each time
// it checks that nothing is left: no process of the run, nothing listening on the port, no postmaster.pid.
// Needs a build (made by npm start when missing or stale, a few minutes), so it is not part of `npm test`.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from './cli';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const log = (line: string) => !values.json && console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Processes whose environment carries this run's marker: npm, tsx, start.ts, next, PostgreSQL all inherit it. */
function processesOf(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) continue;
      found.push({
        pid: Number(entry),
        command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(),
      });
    } catch {} // ended meanwhile, or not ours to read
  }
  return found;
}

const pgDir = path.resolve(process.env.CHECK_STOP_PG_DIR ?? '.data/check-stop-pg');
rmSync(pgDir, { recursive: true, force: true });
const results: Record<string, unknown> = {};
let failed = false;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  const [port, pgPort] = [await freePort(), await freePort()];
  const marker = `CHECK_STOP_RUN=${randomUUID()}`;
  const env = {
    ...process.env,
    EMBEDDED_PG_DIR: pgDir,
    EMBEDDED_PG_PORT: String(pgPort),
    [marker.split('=')[0]]: marker.split('=')[1],
  };
  delete env.DATABASE_URL; // always the embedded server: its postmaster.pid is checked
  const started = Date.now();
  const app = spawn(
    'npm',
    ['start', '--', '--port', String(port), '--database', 'bangfu_stopcheck', '--seed', 'test'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  app.stdout.on('data', (chunk) => (output += chunk));
  app.stderr.on('data', (chunk) => (output += chunk));
  const appExit = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));

  let up = false;
  while (!up && Date.now() - started < 15 * 60_000 && app.exitCode === null) {
    await sleep(1000);
    up = await fetch(`http://127.0.0.1:${port}/login`).then(
      (r) => r.ok,
      () => false,
    );
  }
  if (!up) {
    console.error(`the app did not come up on port ${port}:\n${output.slice(-3000)}`);
    process.exitCode = 1;
    for (const p of processesOf(marker)) process.kill(p.pid, 'SIGKILL');
    break;
  }
  log(
    `${signal}: app up on port ${port} after ${((Date.now() - started) / 1000).toFixed(1)} s; sending ${signal} to npm (pid ${app.pid})`,
  );

  // A request in flight when the signal arrives is answered, not cut.
  const inFlight = fetch(`http://127.0.0.1:${port}/login`).then(
    (r) => r.status,
    (e: unknown) => String(e),
  );
  await sleep(50);
  const signalled = Date.now();
  app.kill(signal);
  const code = await Promise.race([appExit, sleep(60_000).then(() => 'timeout' as const)]);
  const stopSeconds = (Date.now() - signalled) / 1000;
  await sleep(500); // let the last children be reaped
  const left = processesOf(marker);
  const portOpen = await listening(port);
  const pgPortOpen = await listening(pgPort);
  const postmasterPid = existsSync(path.join(pgDir, 'postmaster.pid'));
  const ok = code !== 'timeout' && left.length === 0 && !portOpen && !pgPortOpen && !postmasterPid;
  const result = {
    exit_code: code,
    stop_seconds: Math.round(stopSeconds * 10) / 10,
    in_flight_request: await inFlight,
    processes_left: left.length,
    port_listening: portOpen,
    postgres_listening: pgPortOpen,
    postmaster_pid_left: postmasterPid,
    ok,
  };
  results[signal] = result;
  log(
    `${signal}: npm exited (${code}) ${result.stop_seconds} s after the signal; in-flight request: ${result.in_flight_request}; processes left: ${left.length}; port ${port} listening: ${portOpen}; PostgreSQL listening: ${pgPortOpen}; postmaster.pid left: ${postmasterPid} → ${ok ? 'clean' : 'NOT CLEAN'}`,
  );
  if (!ok) {
    failed = true;
    log(output.slice(-2000));
    for (const p of left) {
      log(`  left behind: ${p.pid} ${p.command}`);
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {}
    }
  }
}

console.log(JSON.stringify({ check: 'stop', ...results, ok: !failed && Object.keys(results).length === 2 }));
if (failed) process.exitCode = 1;
