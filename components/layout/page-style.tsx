'use client';
import { useEffect } from 'react';

/**
 * Page-specific CSS added through the CSSOM: the Content-Security-Policy admits a <style> element only with
 * the first load's nonce, which a page reached by a client-side navigation does not have.
 */
export function PageStyle({ css }: { css: string }) {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return null;
}
