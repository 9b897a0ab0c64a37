// The projects' filters as they travel in the URL (?area=&year=&stage=&kind=&funded=1&overdue=1&unaudited=1&page=),
// shared by the overview, the lists behind its numbers and the exports, so each shows the same projects. Pure.
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from '@/lib/enums';
import { parsePage } from '@/lib/http';

export type ProjectFilters = {
  area?: string;
  /** null: every year. */
  year: number | null;
  stage?: ProjectStage;
  kind?: ProjectKind;
  /** Approved and later (not proposed, not rejected): the projects whose money counts as approved. */
  funded?: boolean;
  overdue?: boolean;
  /** Accepted or later without an audit. */
  unaudited?: boolean;
  /** Part of the project's name. */
  q?: string;
  page?: number;
};

export type ProjectQuery = Partial<
  Record<'area' | 'year' | 'stage' | 'kind' | 'funded' | 'overdue' | 'unaudited' | 'q' | 'page', string>
>;

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

/** No year given: this year's library; `all`: every year. */
export function parseProjectFilters(query: ProjectQuery, thisYear: number): ProjectFilters {
  const year =
    query.year === 'all'
      ? null
      : query.year && /^\d{4}$/.test(query.year) && Number(query.year) >= 2000 && Number(query.year) <= thisYear + 1
        ? Number(query.year)
        : thisYear;
  return {
    area: query.area && /^\d{2,12}$/.test(query.area) ? query.area : undefined,
    year,
    stage: oneOf(PROJECT_STAGES, query.stage),
    kind: oneOf(PROJECT_KINDS, query.kind),
    funded: query.funded === '1' ? true : undefined,
    overdue: query.overdue === '1' ? true : undefined,
    unaudited: query.unaudited === '1' ? true : undefined,
    q: query.q?.trim().slice(0, 50) || undefined,
    page: query.page ? parsePage(query.page) : undefined,
  };
}

/** The filters back as URL parameters (without the page). */
export function projectParams(filters: ProjectFilters, thisYear: number): Record<string, string | undefined> {
  return {
    area: filters.area,
    year: filters.year === null ? 'all' : filters.year === thisYear ? undefined : String(filters.year),
    stage: filters.stage,
    kind: filters.kind,
    funded: filters.funded ? '1' : undefined,
    overdue: filters.overdue ? '1' : undefined,
    unaudited: filters.unaudited ? '1' : undefined,
    q: filters.q,
  };
}
