// Bundles the service worker (lib/offline/service-worker.ts, with the outbox's sender it shares with the pages)
// into public/sw.js. Run by `npm run build`, `npm run dev`, and by `npm start` before it builds.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SERVICE_WORKER_FILE = 'public/sw.js';

export async function buildServiceWorker(): Promise<void> {
  await build({
    entryPoints: ['lib/offline/service-worker.ts'],
    outfile: SERVICE_WORKER_FILE,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServiceWorker();
