// The browser gets only the message namespaces a page's client components read (components/layout/client-messages.tsx).
// Read from the source: every page, layout and boundary gets, from the layouts above it, each namespace its client
// code reads; a page short of one would show message keys in production.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_NAMESPACES } from '@/lib/i18n/client-messages';
import { clientNamespacesOf, ROOT } from '../support/client-namespaces';

const APP = path.join(ROOT, 'app');
const ENTRY = /^(page|layout|error|not-found|forbidden|unauthorized|loading|template|default)\.tsx$/;

function entries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : entries(file);
    return ENTRY.test(entry.name) ? [file] : [];
  });
}

/** The namespaces a layout's or a page's <ClientMessages namespaces={[…]}> adds. */
function declaredIn(file: string): string[] {
  const match = readFileSync(file, 'utf8').match(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/);
  return match ? [...match[1].matchAll(/'(\w+)'/g)].map((name) => name[1]) : [];
}

/** What reaches an entry's client code: the shell's, what each layout above it adds, and what a page adds itself. */
function providedTo(entry: string): Set<string> {
  const provided = new Set<string>(SHELL_NAMESPACES);
  const isLayout = path.basename(entry) === 'layout.tsx';
  if (!isLayout) for (const name of declaredIn(entry)) provided.add(name);
  for (let dir = path.dirname(entry); dir.startsWith(APP); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    // A layout's own provider wraps its children, not the layout's own components.
    if (isLayout && layout === entry) continue;
    if (existsSync(layout)) for (const name of declaredIn(layout)) provided.add(name);
  }
  return provided;
}

const relative = (file: string) => path.relative(ROOT, file);

describe('the messages a page sends the browser', () => {
  const all = entries(APP);

  it('reads every translator in client code (no key it cannot follow)', () => {
    expect(all.flatMap((entry) => clientNamespacesOf(entry).unresolved)).toEqual([]);
  });

  it('finds the namespaces a form reads through its components', () => {
    // The reader itself: the visit form reads visits, problems (categories) and monitoring (events).
    const visitForm = clientNamespacesOf(path.join(APP, '(app)/visits/new/page.tsx')).namespaces;
    expect([...visitForm]).toEqual(expect.arrayContaining(['visits', 'problems', 'monitoring', 'outbox', 'errors']));
    // The dashboard's client code (sections, tables, charts) is handed its words by the server.
    expect([...clientNamespacesOf(path.join(APP, '(app)/dashboard/page.tsx')).namespaces]).toEqual([]);
  });

  it('gives every page, layout and boundary each namespace its client code reads', () => {
    const short = all.flatMap((entry) => {
      const provided = providedTo(entry);
      const missing = [...clientNamespacesOf(entry).namespaces].filter((name) => !provided.has(name));
      return missing.length > 0 ? [`${relative(entry)}: ${missing.join(', ')}`] : [];
    });
    expect(short).toEqual([]);
  });

  it('sends no namespace that no page below the layout, or the page itself, reads', () => {
    const unread = all.flatMap((entry) => {
      const isLayout = path.basename(entry) === 'layout.tsx';
      const readers = isLayout
        ? all.filter((other) => other !== entry && other.startsWith(path.dirname(entry) + path.sep))
        : [entry];
      const read = new Set(readers.flatMap((reader) => [...clientNamespacesOf(reader).namespaces]));
      const extra = declaredIn(entry).filter((name) => !read.has(name));
      return extra.length > 0 ? [`${relative(entry)}: ${extra.join(', ')}`] : [];
    });
    expect(unread).toEqual([]);
  });
});
