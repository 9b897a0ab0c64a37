// A streaming reader for the cells of .xlsx worksheets: zip central directory → zlib inflate →
// UTF-8 decoding that keeps characters split between chunks whole → one <row> at a time.
//
// Why not exceljs's stream.xlsx.WorkbookReader: it decodes each inflated chunk on its own, so a
// Chinese character that straddles two chunks comes out as "��" (exceljs issues #2063 and #2084,
// fixes #1665/#2081/#2894 unmerged as of 4.4.0) — on a roster that is a garbled name every few
// thousand rows. Its non-streaming `xlsx.load` is correct but holds the whole workbook model
// (about 1 GB and 15 s for 100,000 rows). This reader reads only what a roster needs (strings,
// numbers, booleans; the sheets in tab order) in a fraction of that time and memory.

import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { CellProblem } from './cell';

export { CellProblem };
export class UnreadableWorkbook extends Error {}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** The entries of a zip file, from its central directory (all .xlsx needs; no zip64, no encryption). */
function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnreadableWorkbook('no zip directory');
  const count = buffer.readUInt16LE(end + 10);
  let p = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50)
      throw new UnreadableWorkbook('bad zip directory');
    const nameLength = buffer.readUInt16LE(p + 28);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    entries.set(name, {
      name,
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      size: buffer.readUInt32LE(p + 24),
      localOffset: buffer.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * The most text an entry may inflate to. A 30 MB upload may be a "zip bomb" that inflates to many
 * gigabytes; a roster of 200,000 rows is about 160 MB of sheet XML, its shared strings far less.
 */
const MAX_SHEET_BYTES = 512 * 1024 * 1024;
const MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024;
const MAX_OTHER_BYTES = 16 * 1024 * 1024;
/** The longest single <row> or <si> element: a real one is a few kilobytes. */
const MAX_ELEMENT_CHARS = 8 * 1024 * 1024;

/** The entry's text, decoded as it is inflated; `onBytes` hears how many bytes are out so far. */
async function* entryText(
  buffer: Buffer,
  entry: ZipEntry,
  limit: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const local = entry.localOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50)
    throw new UnreadableWorkbook('bad zip entry');
  if (entry.compressedSize === 0xffffffff) throw new UnreadableWorkbook('zip64');
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  if (entry.method === 0) {
    if (data.length > limit) throw new UnreadableWorkbook(`${entry.name} too large`);
    onBytes?.(data.length);
    yield decoder.write(data) + decoder.end();
    return;
  }
  if (entry.method !== 8) throw new UnreadableWorkbook(`zip method ${entry.method}`);
  try {
    for await (const chunk of Readable.from([data]).pipe(createInflateRaw({ chunkSize: 256 * 1024 }))) {
      bytes += (chunk as Buffer).length;
      if (bytes > limit) throw new UnreadableWorkbook(`${entry.name} inflates past ${limit} bytes`);
      onBytes?.(bytes);
      yield decoder.write(chunk as Buffer);
    }
  } catch (error) {
    throw error instanceof UnreadableWorkbook
      ? error
      : new UnreadableWorkbook(String((error as Error).message ?? error));
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function entryString(buffer: Buffer, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const chunk of entryText(buffer, entry, MAX_OTHER_BYTES)) text += chunk;
  return text;
}

/**
 * Complete elements named `tag` (any namespace prefix) from streamed XML text: `<row …>…</row>` or
 * `<row …/>`. These elements do not nest, which keeps this simple.
 */
async function* elements(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const open = new RegExp(`<((?:[\\w.-]+:)?${tag})(?=[\\s/>])`, 'g');
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let consumed = 0;
    for (;;) {
      open.lastIndex = consumed;
      const match = open.exec(pending);
      if (!match) {
        consumed = Math.max(consumed, pending.length - tag.length - 32); // keep what may be a tag's beginning
        break;
      }
      const tagEnd = pending.indexOf('>', match.index);
      if (tagEnd < 0) {
        consumed = match.index;
        break;
      }
      if (pending[tagEnd - 1] === '/') {
        yield pending.slice(match.index, tagEnd + 1);
        consumed = tagEnd + 1;
        continue;
      }
      const close = `</${match[1]}>`;
      const closeAt = pending.indexOf(close, tagEnd);
      if (closeAt < 0) {
        consumed = match.index;
        break;
      }
      yield pending.slice(match.index, closeAt + close.length);
      consumed = closeAt + close.length;
    }
    pending = pending.slice(consumed);
    if (pending.length > MAX_ELEMENT_CHARS) throw new UnreadableWorkbook(`<${tag}> too long`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and entities, then Excel's own _xHHHH_ escapes of control characters. */
function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, ref: string) =>
      ref[0] === '#'
        ? String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)))
        : ENTITIES[ref],
    );
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** The text of a shared string or inline string: all its <t> runs, without phonetic (<rPh>) runs. */
function richText(xml: string): string {
  const plain = xml.includes('rPh') ? xml.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1>/g, '') : xml;
  let text = '';
  for (const m of plain.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) text += m[1];
  return decodeXml(text);
}

/** An attribute's value in a start tag (`name="…"`; indexOf, not a RegExp: this runs for every cell). */
function attribute(tag: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = tag.indexOf(key);
  while (at > 0 && !/\s/.test(tag[at - 1])) at = tag.indexOf(key, at + 1);
  if (at <= 0) return undefined;
  const end = tag.indexOf('"', at + key.length);
  return end < 0 ? undefined : tag.slice(at + key.length, end);
}

/** "AB12" → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

export type SheetCell = string | number | boolean | CellProblem | null;
export type SheetRow = { number: number; cells: SheetCell[] };
/** `state`: Excel's tab state; a hidden or "very hidden" sheet is not shown to the clerk, so it is never read. */
export type SheetInfo = { name: string; path: string; size: number; state: 'visible' | 'hidden' | 'veryHidden' };

const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;
const FORMULA = /<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;

/** One worksheet's rows; `cells` is 1-based like exceljs `row.values` (cells[1] is column A). */
function parseRow(xml: string, previous: number, shared: readonly string[]): SheetRow {
  const startTag = xml.slice(0, xml.indexOf('>') + 1);
  const number = Number(attribute(startTag, 'r')) || previous + 1;
  const cells: SheetCell[] = [];
  let column = 0;
  const body = xml.slice(startTag.length);
  for (const m of body.matchAll(CELL)) {
    const attrs = m[1];
    const ref = attribute(attrs, 'r');
    column = ref ? columnNumber(ref) : column + 1;
    const inner = m[2];
    if (!inner) continue;
    const type = attribute(attrs, 't');
    let value: SheetCell = null;
    if (type === 'inlineStr') {
      const inline = INLINE.exec(inner);
      value = inline ? richText(inline[1]) : null;
    } else {
      const raw = VALUE.exec(inner)?.[1];
      if (raw === undefined || (raw === '' && type !== 's' && type !== 'str' && type !== 'inlineStr')) {
        // No cached value: a formula never computed is reported, an empty cell is blank.
        const formula = FORMULA.exec(inner);
        if (formula) cells[column] = new CellProblem('formula', decodeXml(formula[1] ?? ''));
        continue;
      }
      if (type === 's') value = shared[Number(raw)] ?? null;
      else if (type === 'str' || type === 'd') value = decodeXml(raw);
      else if (type === 'b') value = raw === '1' || raw === 'true';
      else if (type === 'e') value = new CellProblem('error', decodeXml(raw));
      else {
        const n = Number(raw);
        value = raw.trim() === '' || Number.isNaN(n) ? decodeXml(raw) : n;
      }
    }
    if (value !== null) cells[column] = value;
  }
  return { number, cells };
}

/** An opened workbook: its sheets in tab order, and their rows on demand. */
export class WorkbookCells {
  private shared: string[] | null = null;
  private readonly entries: Map<string, ZipEntry>;
  readonly sheets: SheetInfo[];

  private constructor(
    private readonly buffer: Buffer,
    entries: Map<string, ZipEntry>,
    sheets: SheetInfo[],
    private readonly sharedPath: string | null,
  ) {
    this.entries = entries;
    this.sheets = sheets;
  }

  static async open(buffer: Buffer): Promise<WorkbookCells> {
    let entries: Map<string, ZipEntry>;
    try {
      entries = zipEntries(buffer);
    } catch (error) {
      throw error instanceof UnreadableWorkbook ? error : new UnreadableWorkbook(String(error));
    }
    const workbook = entries.get('xl/workbook.xml');
    if (!workbook) throw new UnreadableWorkbook('no xl/workbook.xml');
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    const targets = new Map<string, { target: string; type: string }>();
    if (rels) {
      for (const m of (await entryString(buffer, rels)).matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
        const id = attribute(m[1], 'Id');
        const target = attribute(m[1], 'Target');
        if (id && target) targets.set(id, { target: resolveTarget(target), type: attribute(m[1], 'Type') ?? '' });
      }
    }
    const sheets: SheetInfo[] = [];
    for (const m of (await entryString(buffer, workbook)).matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)\/?>/g)) {
      const rid = /\s(?:[\w.-]+:)?id="([^"]*)"/.exec(m[1])?.[1];
      const path = rid ? targets.get(rid)?.target : undefined;
      const entry = path ? entries.get(path) : undefined;
      const state = attribute(m[1], 'state');
      if (entry)
        sheets.push({
          name: decodeXml(attribute(m[1], 'name') ?? ''),
          path: entry.name,
          size: entry.size,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        });
    }
    if (sheets.length === 0) {
      // No usable workbook index: the worksheets by number.
      for (const entry of [...entries.values()]
        .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
        .sort((a, b) => sheetNo(a.name) - sheetNo(b.name)))
        sheets.push({ name: entry.name, path: entry.name, size: entry.size, state: 'visible' });
    }
    const sharedTarget = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.target;
    const sharedPath =
      sharedTarget && entries.has(sharedTarget)
        ? sharedTarget
        : entries.has('xl/sharedStrings.xml')
          ? 'xl/sharedStrings.xml'
          : null;
    return new WorkbookCells(buffer, entries, sheets, sharedPath);
  }

  /** A part of the workbook named by another part: missing, the file is broken. */
  private entry(path: string): ZipEntry {
    const entry = this.entries.get(path);
    if (!entry) throw new UnreadableWorkbook(`no ${path}`);
    return entry;
  }

  private async sharedStrings(): Promise<string[]> {
    if (this.shared) return this.shared;
    const strings: string[] = [];
    if (this.sharedPath) {
      for await (const si of elements(
        entryText(this.buffer, this.entry(this.sharedPath), MAX_SHARED_STRINGS_BYTES),
        'si',
      ))
        strings.push(richText(si));
    }
    return (this.shared = strings);
  }

  /** The rows of a sheet that hold at least one cell, in order; `onBytes` hears the inflated bytes (of `sheet.size`). */
  async *rows(sheet: SheetInfo, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
    const shared = await this.sharedStrings();
    let previous = 0;
    for await (const xml of elements(entryText(this.buffer, this.entry(sheet.path), MAX_SHEET_BYTES, onBytes), 'row')) {
      const row = parseRow(xml, previous, shared);
      previous = row.number;
      if (row.cells.length > 0) yield row;
    }
  }
}

const sheetNo = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/** A relationship target of xl/workbook.xml as a zip entry name. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
