// Small pieces the command-line scripts share.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs `main` when the module is the script node was started with (not when a test imports it); its result is the exit code. */
export function runAsScript(moduleUrl: string, name: string, main: () => Promise<number>): void {
  const started =
    !!process.argv[1] &&
    path.resolve(process.argv[1]).replace(/\.ts$/, '') === fileURLToPath(moduleUrl).replace(/\.ts$/, '');
  if (!started) return;
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

/** A TCP port nobody listens on at this moment, on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
