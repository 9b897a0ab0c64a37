import { getTranslations } from 'next-intl/server';
import { buttonClass } from './button-class';

/**
 * Picks the year a page shows: a plain GET form (no script needed), keeping the page's other filters.
 * `years`: newest first.
 */
export async function YearPicker({
  action,
  year,
  years,
  keep = {},
}: {
  action: string;
  year: number;
  years: number[];
  keep?: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label className="text-sm text-slate-700">
        <span className="block">{t('year')}</span>
        <select
          name="year"
          defaultValue={String(year)}
          className="mt-1 block min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base shadow-sm sm:text-sm"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {t('show')}
      </button>
    </form>
  );
}
