// Which message namespaces the browser needs for a page: read from the source, for tests/unit/client-messages.test.ts.
// A page's client code is every module a 'use client' file imports, directly or not; each translator it makes
// (useTranslations) names its namespace, or, made at the root, names one in each key it is called with.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: its messages are not ours
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const extension of EXTENSIONS) if (existsSync(base + extension)) return base + extension;
  return null; // JSON, CSS and the like
}

const sourceCache = new Map<string, string>();
function source(file: string): string {
  let text = sourceCache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    sourceCache.set(file, text);
  }
  return text;
}

function importsOf(file: string): string[] {
  const text = source(file);
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((match) => match[1]); // `import type` is left out: it never reaches the browser
  return specifiers.flatMap((specifier) => {
    const resolved = resolveImport(file, specifier);
    return resolved ? [resolved] : [];
  });
}

export function isClientModule(file: string): boolean {
  return /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*['"]use client['"]/.test(source(file));
}

/** The modules that run in the browser for an entry (a page, layout…): those at or below a 'use client' file. */
export function clientModulesOf(entry: string): Set<string> {
  const client = new Set<string>();
  const seenOnServer = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const isClient = inClient || isClientModule(file);
    if (isClient) {
      if (client.has(file)) return;
      client.add(file);
    } else {
      if (seenOnServer.has(file)) return;
      seenOnServer.add(file);
    }
    for (const imported of importsOf(file)) visit(imported, isClient);
  };
  visit(entry, false);
  return client;
}

export type ModuleNamespaces = { namespaces: Set<string>; unresolved: string[] };

/**
 * The top-level namespaces a module's translators read. A root translator called with a key that is not written
 * out (t(field.label)) cannot be read; the module then names its namespaces in a comment:
 * `// client messages: outbox, visits`.
 */
export function namespacesOf(file: string): ModuleNamespaces {
  const text = source(file);
  const namespaces = new Set<string>();
  const unresolved: string[] = [];
  const declared = text.match(/\/\/ client messages:([\w, ]*)/);
  if (declared) {
    for (const name of declared[1].split(',')) if (name.trim()) namespaces.add(name.trim());
    return { namespaces, unresolved };
  }
  const relative = path.relative(ROOT, file);
  const translators = [...text.matchAll(/\b(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*(?:'([^']*)')?\s*\)/g)];
  const calls = [...text.matchAll(/\buseTranslations\(/g)].length;
  if (calls !== translators.length) unresolved.push(`${relative}: a translator not kept in a const`);
  translators.forEach((declaration, index) => {
    const [, name, namespace] = declaration;
    if (namespace !== undefined) {
      namespaces.add(namespace.split('.')[0]);
      return;
    }
    // A root translator's calls, up to the next translator of the same name (another component in the file).
    const next = translators.slice(index + 1).find((other) => other[1] === name);
    const scope = text.slice(declaration.index, next?.index);
    for (const [, argument] of scope.matchAll(
      new RegExp(`\\b${name}(?:\\.(?:rich|markup|raw|has))?\\(([^)]{0,80})`, 'g'),
    )) {
      // t('a.b'), t(`a.${x}`), t(cond ? 'a.b' : 'c.d'): each written key names its namespace.
      const keys = [...argument.matchAll(/['`]([A-Za-z]\w*)\./g)].map((match) => match[1]);
      if (keys.length > 0 && /^\s*['`(\w]/.test(argument)) for (const key of keys) namespaces.add(key);
      else unresolved.push(`${relative}: ${name}(${argument.split('\n')[0]}`);
    }
  });
  if (/\buseMessages\(/.test(text)) unresolved.push(`${relative}: useMessages() reads every message`);
  return { namespaces, unresolved };
}

/** The namespaces the browser needs to draw an entry's client modules. */
export function clientNamespacesOf(entry: string): ModuleNamespaces {
  const namespaces = new Set<string>();
  const unresolved: string[] = [];
  for (const file of clientModulesOf(entry)) {
    const found = namespacesOf(file);
    for (const name of found.namespaces) namespaces.add(name);
    unresolved.push(...found.unresolved);
  }
  return { namespaces, unresolved };
}
