// Secrets from the environment, or made once and kept in .data/ (the demo's; production sets its own).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export function localSecret(name: 'AUTH_SECRET' | 'PII_KEY'): string {
  if (process.env[name]) return process.env[name]!;
  const file = `.data/${name.toLowerCase().replace('_', '-')}`;
  if (!existsSync(file)) {
    mkdirSync('.data', { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return (process.env[name] = readFileSync(file, 'utf8').trim());
}
