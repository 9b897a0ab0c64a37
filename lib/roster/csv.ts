// Reading a roster saved as .csv: the encoding detected (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
// "Unicode text", else GBK as Excel and WPS save CSV on Chinese Windows), the delimiter detected (comma, tab or
// semicolon), quoted fields with commas and line breaks. The file is one sheet; its cells are all text.
import type { SheetCell, SheetInfo, SheetRow } from './sheet-reader';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'gbk';

/** The file's text and the encoding it was read in. */
export function decodeCsv(buffer: Buffer): { text: string; encoding: CsvEncoding } {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(3)), encoding: 'utf-8' };
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(buffer), encoding: 'gbk' };
  }
}

/** The delimiter of the first line with text: the most frequent of tab, comma and semicolon outside quotes. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const line = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = ['\t', ',', ';'].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** A whole CSV file, opened: one sheet, read row by row. */
export class CsvCells {
  readonly sheets: SheetInfo[];
  readonly encoding: CsvEncoding;
  private readonly text: string;

  constructor(buffer: Buffer, name: string) {
    const { text, encoding } = decodeCsv(buffer);
    this.text = text;
    this.encoding = encoding;
    this.sheets = [{ name, path: '', size: text.length, state: 'visible' }];
  }

  /** The rows that hold at least one cell; `cells` is 1-based (cells[1] is the first field). */
  async *rows(_sheet: SheetInfo, onBytes?: (chars: number) => void): AsyncGenerator<SheetRow> {
    const text = this.text;
    const delimiter = delimiterOf(text);
    let number = 0;
    let cells: SheetCell[] = [];
    let field = '';
    let quoted = false;
    let any = false;
    let i = 0;
    const endField = () => {
      cells.push(field);
      if (field.trim()) any = true;
      field = '';
    };
    for (; i <= text.length; i++) {
      const ch = i < text.length ? text[i] : '\n';
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
        continue;
      }
      if (ch === '"' && field === '') quoted = true;
      else if (ch === delimiter) endField();
      else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        if (i >= text.length && cells.length === 0 && field === '') break;
        endField();
        number += 1;
        if (any) {
          const row: SheetCell[] = [null, ...cells];
          yield { number, cells: row };
        }
        cells = [];
        any = false;
        if (number % 1000 === 0) onBytes?.(i);
      } else field += ch;
    }
    onBytes?.(text.length);
  }
}
