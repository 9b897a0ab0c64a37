import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * Previous / next links that keep the other search parameters. A page with two lists gives each its own
 * `param` and `label` (the landmark's name, so a screen reader can tell the two apart). A list counted up to a
 * cap says "more than" its total (`more`) and pages as far as the cap.
 */
export async function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
  param = 'page',
  label,
  more = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** There are more than `total` rows (a list counted only up to a cap). */
  more?: boolean;
  basePath: string;
  params: Record<string, string | undefined>;
  param?: string;
  label?: string;
}) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const search = new URLSearchParams(
      Object.entries({ ...params, [param]: String(p) }).filter((e): e is [string, string] => !!e[1]),
    );
    return `${basePath}?${search}`;
  };
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';
  return (
    <nav
      className="mt-3 flex items-center justify-between gap-2 text-sm text-slate-600"
      aria-label={label ?? t('pagination')}
    >
      <span>{more ? t('pageOfMore', { page, total }) : t('pageOf', { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={href(page - 1)}>
            {t('previous')}
          </Link>
        )}
        {page < pages && (
          <Link className={link} href={href(page + 1)}>
            {t('next')}
          </Link>
        )}
      </span>
    </nav>
  );
}
