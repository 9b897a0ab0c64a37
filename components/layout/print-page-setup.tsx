import { getTranslations } from 'next-intl/server';
import { PageStyle } from './page-style';

/** A CSS string literal from any text: no quote, backslash or tag can end it early. */
const cssString = (text: string) => `"${text.replace(/["\\<>\n]/g, ' ')}"`;

/**
 * The paper a page prints on: A4 (landscape for wide tables), with what it shows and when at the top of
 * every page and the page number at the bottom (CSS page margin boxes).
 */
export async function PrintPageSetup({ header, landscape = false }: { header: string; landscape?: boolean }) {
  const t = await getTranslations('print');
  // The message carries {page} and {pages}; CSS counters stand in their place.
  const [before, between, after] = t('pageOf', { page: '\u0000', pages: '\u0000' }).split('\u0000');
  const pageNumber = `${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}`;
  const css = `@page { size: A4${landscape ? ' landscape' : ''}; margin: 14mm 12mm;
  @top-left { content: ${cssString(header)}; font-size: 9pt; color: #334155; }
  @bottom-right { content: ${pageNumber}; font-size: 9pt; color: #334155; } }`;
  return <PageStyle css={css} />;
}
