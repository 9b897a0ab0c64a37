// For scripts that import server code in plain Node (the import benchmark): 'server-only' resolves to an empty
// module, as under the react-server condition, while React stays its client build, which next/navigation
// (imported by lib/auth/guard.ts and lib/errors.ts) needs at load. Under `--conditions=react-server` React's
// server build has no createContext and next/navigation fails to load.
//   npx tsx --import ./scripts/server-only-shim.mjs scripts/bench-import.ts
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}`)}`,
);
