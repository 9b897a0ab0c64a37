// The floors of docs/architecture.md, checked on every import in lib/ and app/: a domain uses the kernel
// and lower domains only, nothing but app/ reads the dashboard, raw SQL runs only through lib/db.ts, and
// data.ts files only read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Domains from the lowest floor to the highest (docs/architecture.md). Everything else in lib/ is kernel. */
const FLOORS = [
  'policy',
  'users',
  'households',
  'plans',
  'roster',
  'teams',
  'attendance',
  'pairings',
  'problems',
  'projects',
  'visits',
  'monitoring',
  'figures',
  'inspections',
  'dashboard',
] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('lib/generated/'));
}

/** 'lib/<folder>/…' or 'lib/<file>.ts' → its folder or file name (the unit of the floors). */
function unitOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'lib') return null;
  return parts.length > 2 ? parts[1] : parts[1].replace(/\.tsx?$/, '');
}

const floorOf = (unit: string) => FLOORS.indexOf(unit as (typeof FLOORS)[number]); // -1: kernel

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]);
  return specifiers
    .map((s) => (s.startsWith('@/') ? s.slice(2) : s.startsWith('.') ? path.join(path.dirname(file), s) : null))
    .filter((s): s is string => s?.startsWith('lib/') ?? false);
}

describe('import floors (docs/architecture.md)', () => {
  const files = [...filesUnder('lib'), ...filesUnder('app'), ...filesUnder('components')];

  it('the kernel imports no domain, and a domain imports only the kernel and lower floors', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = unitOf(file);
      if (from === null) continue;
      for (const target of importsOf(file)) {
        const to = unitOf(target);
        if (to === null || to === from || floorOf(to) === -1) continue;
        if (floorOf(from) === -1) broken.push(`${file} (kernel) imports ${target}`);
        else if (floorOf(to) > floorOf(from)) broken.push(`${file} (${from}) imports ${target} (${to}, higher)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing in lib/ but the dashboard reads the dashboard (pages and their components may)', () => {
    const readers = files.filter(
      (file) =>
        file.startsWith('lib/') &&
        unitOf(file) !== 'dashboard' &&
        importsOf(file).some((t) => unitOf(t) === 'dashboard'),
    );
    expect(readers).toEqual([]);
  });

  it('raw SQL runs only through rows()/execute() of lib/db.ts', () => {
    const raw = files.filter(
      (file) =>
        file !== 'lib/db.ts' && /\$(queryRaw|executeRaw)(Unsafe)?\b/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(raw).toEqual([]);
  });

  it("a domain's data.ts only reads", () => {
    const write =
      /\b(?:db|tx|client)\.\w+\.(?:create|createMany|update|updateMany|upsert|delete|deleteMany)\(|\bexecute\(/;
    const writers = files.filter(
      (file) =>
        path.basename(file) === 'data.ts' &&
        floorOf(unitOf(file) ?? '') !== -1 &&
        write.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(writers).toEqual([]);
  });

  it('the floors name real folders, and every domain folder has its floor', () => {
    const folders = readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
      .map((entry) => entry.name);
    const kernelFolders = ['auth', 'audit', 'i18n', 'offline', 'regions'];
    expect(FLOORS.filter((floor) => !folders.includes(floor))).toEqual([]);
    expect(folders.filter((folder) => floorOf(folder) === -1 && !kernelFolders.includes(folder))).toEqual([]);
  });
});
