import Link from 'next/link';

/** `href`: where an area's name leads (its region page unless given). */
export function Breadcrumb({
  trail,
  label,
  href = (code) => `/regions/${code}`,
}: {
  trail: { code: string; name: string }[];
  label: string;
  href?: (code: string) => string;
}) {
  return (
    <nav aria-label={label} className="mb-3 text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((item, index) => (
          <li key={item.code} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden>›</span>}
            {index === trail.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-900">
                {item.name}
              </span>
            ) : (
              <Link href={href(item.code)} className="hover:text-brand-700 hover:underline">
                {item.name}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
