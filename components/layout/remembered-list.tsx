'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

// Per browser tab (sessionStorage): the filters of a list, so the menu brings the user back to the list as
// they left it. Only the menu: a link that names its own filters (the dashboard's, 清除筛选) goes where it says.
const KEY = 'list-query:';
const CHANGED = 'list-query-changed';

/** On a list page: keeps the page's filters (an empty query string forgets them). */
export function RememberList({ path }: { path: string }) {
  const query = useSearchParams().toString();
  useEffect(() => {
    if (query) sessionStorage.setItem(KEY + path, query);
    else sessionStorage.removeItem(KEY + path);
    window.dispatchEvent(new Event(CHANGED));
  }, [path, query]);
  return null;
}

/** The menu's addresses, each list with the filters it was left with (known only after hydration). */
export function useRememberedHrefs(hrefs: string[]): Record<string, string> {
  const [remembered, setRemembered] = useState<Record<string, string>>({});
  const key = hrefs.join(' ');
  useEffect(() => {
    const read = () =>
      setRemembered(
        Object.fromEntries(
          key.split(' ').map((href) => {
            const query = sessionStorage.getItem(KEY + href);
            return [href, query ? `${href}?${query}` : href];
          }),
        ),
      );
    read();
    window.addEventListener(CHANGED, read);
    return () => window.removeEventListener(CHANGED, read);
  }, [key]);
  return remembered;
}
