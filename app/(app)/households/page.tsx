import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BatchStepForm } from '@/components/households/batch-step-form';
import { HouseholdTable } from '@/components/households/household-table';
import { PageBody } from '@/components/layout/page-body';
import { RememberList } from '@/components/layout/remembered-list';
import { VillageLiaisonsForm } from '@/components/pairings/liaison-cadre-forms';
import { ExportRosterLink } from '@/components/roster/export-roster-link';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { OptionList } from '@/components/ui/option-list';
import { Pagination } from '@/components/ui/pagination';
import { SearchAsYouType } from '@/components/ui/search-as-you-type';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { HOUSEHOLD_STATUSES } from '@/lib/enums';
import { type HouseholdSort, searchHouseholds } from '@/lib/households/data';
import { actorLevelOf, HOUSEHOLD_SETS, isNoticeStatus, stepOptions } from '@/lib/households/rules';
import { ALLOWANCES, POVERTY_CAUSES } from '@/lib/households/schema';
import { parsePage } from '@/lib/http';
import { liaisonCadreOptions } from '@/lib/pairings/data';
import { areaOptions } from '@/lib/regions/data';
import { isWithinScope } from '@/lib/regions/rules';
import { chinaToday } from '@/lib/time';

const STATUSES = HOUSEHOLD_STATUSES;
const SORTS: HouseholdSort[] = ['name', 'village', 'size', 'status', 'updated'];
type Search = {
  q?: string;
  area?: string;
  /** The area picker's text ("乡镇" or "乡镇 村"); it stands for `area` when sent. */
  place?: string;
  group?: string;
  status?: string;
  cause?: string;
  allowance?: string;
  exitYear?: string;
  set?: string;
  sort?: string;
  page?: string;
};

const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  list.includes(value as T) ? (value as T) : undefined;

export default async function HouseholdsPage(props: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('household.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <HouseholdsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function HouseholdsContent({ viewer, searchParams }: { searchParams: Promise<Search> } & { viewer: Viewer }) {
  const search = await searchParams;
  const places = await areaOptions(viewer);
  // The picker's text names the area; blank means the whole of the viewer's area.
  const placeText = search.place?.trim();
  const placed = placeText
    ? places.find((p) => p.label === placeText || p.label.replace(' ', '') === placeText.replace(/\s/g, ''))
    : undefined;
  const area = search.place !== undefined ? placed?.code : search.area || undefined;
  const filters = {
    q: search.q?.trim() || undefined,
    area,
    group: search.group?.trim() || undefined,
    status: pick(STATUSES, search.status),
    cause: pick(POVERTY_CAUSES, search.cause),
    allowance: pick(ALLOWANCES, search.allowance),
    exitYear: /^\d{4}$/.test(search.exitYear ?? '') ? Number(search.exitYear) : undefined, // a year, or no filter (never a number the database refuses)
    set: pick(HOUSEHOLD_SETS, search.set),
    sort: pick(SORTS, search.sort),
    page: parsePage(search.page),
  };
  const [data, t] = await Promise.all([searchHouseholds(viewer, filters), getTranslations()]);
  const params = { ...search, place: undefined, area, page: undefined };
  const currentPlace = places.find((p) => p.code === area)?.label ?? '';
  // The batch step: a village's list filtered by status (and perhaps a name search, for ticking); the box "all in
  // this status" only without a search, so that it means exactly the households listed.
  const batch =
    can(viewer.role, 'household.status') &&
    filters.status &&
    filters.area?.length === 12 &&
    isWithinScope(filters.area, viewer.scopeCode) &&
    !filters.group &&
    !filters.cause &&
    !filters.allowance &&
    !filters.exitYear &&
    !filters.set
      ? { area: filters.area, from: filters.status, steps: stepOptions(filters.status, actorLevelOf(viewer.scopeCode)) }
      : null;
  const noticeArea = area ?? viewer.scopeCode;
  // A village's households without a liaison cadre (the dashboard's drill-down): one cadre for all of them.
  const liaisonOptions =
    filters.set === 'noLiaison' && filters.area?.length === 12 && can(viewer.role, 'pairing.manage') && data.total > 0
      ? await liaisonCadreOptions(viewer, filters.area)
      : [];
  return (
    <>
      <RememberList path="/households" />
      <PageHeader
        title={t('nav.households')}
        description={t('households.searchDescription')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/households/notices?area=${noticeArea}&kind=${filters.status && isNoticeStatus(filters.status) ? filters.status : 'FIRST_NOTICE'}`}
              className={buttonClass('secondary')}
            >
              {t('households.notices')}
            </Link>
            {can(viewer.role, 'household.import') && (
              <Link href="/households/import" className={buttonClass('secondary')}>
                {t('roster.title')}
              </Link>
            )}
            {can(viewer.role, 'household.duplicates') && (
              <Link href="/households/duplicates" className={buttonClass('secondary')}>
                {t('households.duplicatesLink')}
              </Link>
            )}
            {can(viewer.role, 'household.export') && <ExportRosterLink area={area} />}
            {can(viewer.role, 'household.edit') && (
              <Link href="/households/new" className={buttonClass()}>
                {t('households.create')}
              </Link>
            )}
          </div>
        }
      />
      <Card>
        <Form action="/households" className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-8" role="search">
          <SearchAsYouType name="q" />
          <input
            name="q"
            defaultValue={search.q}
            placeholder={t('households.searchPlaceholder')}
            aria-label={t('households.searchPlaceholder')}
            className={`${inputClass} col-span-2`}
            // biome-ignore lint/a11y/noAutofocus: the search box is the page's only purpose; clerks type straight away
            autoFocus
          />
          <input
            name="group"
            defaultValue={search.group}
            placeholder={t('households.groupName')}
            aria-label={t('households.groupName')}
            className={inputClass}
          />
          <select
            name="status"
            defaultValue={filters.status ?? ''}
            aria-label={t('households.status')}
            className={inputClass}
          >
            <option value="">{t('households.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`households.statuses.${s}`)}
              </option>
            ))}
          </select>
          <select
            name="cause"
            defaultValue={filters.cause ?? ''}
            aria-label={t('households.povertyCauses')}
            className={inputClass}
          >
            <option value="">{t('households.allCauses')}</option>
            {POVERTY_CAUSES.map((c) => (
              <option key={c} value={c}>
                {t(`households.causes.${c}`)}
              </option>
            ))}
          </select>
          <select
            name="allowance"
            defaultValue={filters.allowance ?? ''}
            aria-label={t('households.allowance')}
            className={inputClass}
          >
            <option value="">{t('households.allAllowances')}</option>
            {ALLOWANCES.map((a) => (
              <option key={a} value={a}>
                {t(`households.allowances.${a}`)}
              </option>
            ))}
          </select>
          <input
            name="exitYear"
            defaultValue={search.exitYear}
            placeholder={t('households.exitYear')}
            aria-label={t('households.exitYear')}
            inputMode="numeric"
            className={inputClass}
          />
          <select
            name="sort"
            defaultValue={filters.sort ?? 'name'}
            aria-label={t('households.sort')}
            className={inputClass}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`households.sorts.${s}`)}
              </option>
            ))}
          </select>
          {places.length > 1 ? (
            <>
              <input
                name="place"
                list="household-places"
                defaultValue={currentPlace}
                placeholder={t('households.placePlaceholder')}
                aria-label={t('households.place')}
                aria-invalid={placeText && !placed ? true : undefined}
                className={`${inputClass} col-span-2`}
              />
              <OptionList id="household-places" values={[...new Set(places.map((p) => p.label))]} />
            </>
          ) : (
            area && <input type="hidden" name="area" value={area} />
          )}
          {filters.set && <input type="hidden" name="set" value={filters.set} />}
          <button type="submit" className={`${buttonClass('secondary')} col-span-2 md:col-span-1`}>
            {t('common.search')}
          </button>
        </Form>
        {placeText && !placed && (
          <p className="mb-3 text-sm text-red-700" role="alert">
            {t('households.placeUnknown', { place: placeText })}
          </p>
        )}
        {filters.set && (
          <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="household-set">
            <span className="rounded-full bg-brand-50 px-3 py-1 font-medium text-brand-800">
              {t(`households.sets.${filters.set}`)}
            </span>
            <span className="tabular-nums text-slate-600">
              {t('households.setTotal', { households: data.total, people: data.people ?? 0 })}
            </span>
            <TextLink
              href={`/households?${new URLSearchParams(Object.entries({ ...params, set: undefined }).filter((e): e is [string, string] => !!e[1]))}`}
            >
              {t('households.clearSet')}
            </TextLink>
          </p>
        )}
        {liaisonOptions.length > 0 && filters.area && (
          <div className="mb-4 max-w-xl rounded-md border border-brand-200 bg-brand-50/40 p-3">
            <VillageLiaisonsForm villageCode={filters.area} options={liaisonOptions} />
          </div>
        )}
        {batch && (
          <details className="mb-4 rounded-md border border-brand-200 bg-brand-50/40 p-3" open>
            <summary className="cursor-pointer text-sm font-semibold text-brand-800">
              {t('households.batch.title')}
            </summary>
            <div className="mt-3">
              <BatchStepForm
                area={batch.area}
                from={batch.from}
                total={filters.q ? null : data.total}
                steps={batch.steps}
                signer={{ name: viewer.displayName, today: chinaToday() }}
              />
            </div>
          </details>
        )}
        {!batch && can(viewer.role, 'household.status') && filters.area?.length === 12 && (
          <p className="mb-3 text-xs text-slate-500">{t('households.batch.needVillage')}</p>
        )}
        <HouseholdTable
          batch={!!batch}
          emptyLabel={t('common.noResults')}
          rows={data.rows.map((row) => ({
            id: row.id,
            version: row.version,
            headName: row.headName,
            idLast4: row.headIdMasked.slice(-4),
            place: `${row.townshipName} ${row.villageName}`,
            groupName: row.groupName,
            memberCount: row.memberCount,
            status: row.status,
            povertyCauses: row.povertyCauses,
          }))}
        />
        <Pagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          basePath="/households"
          params={params}
        />
      </Card>
    </>
  );
}
