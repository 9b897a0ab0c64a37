// The ledger's filters as they travel in the URL (?status=&category=&urgency=&source=&open=1&overdue=1&year=&area=&sort=&page=),
// shared by the page and the export so both show the same problems. Pure.
import {
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemCategory,
  type ProblemSource,
  type ProblemStatus,
  URGENCIES,
  type Urgency,
} from '@/lib/enums';
import { parsePage } from '@/lib/http';

/** How the list is ordered: newest found first (no sort given), soonest deadline first, or by village. */
export const PROBLEM_SORTS = ['deadline', 'village'] as const;
export type ProblemSort = (typeof PROBLEM_SORTS)[number];

/** What the ledger shows: an area inside the viewer's, statuses, kinds, the year found, the order, the page. */
export type ProblemFilters = {
  area?: string;
  status?: ProblemStatus;
  open?: boolean;
  overdue?: boolean;
  category?: ProblemCategory;
  urgency?: Urgency;
  source?: ProblemSource;
  year?: number;
  sort?: ProblemSort;
  page?: number;
};

export type FilterQuery = {
  area?: string;
  status?: string;
  category?: string;
  urgency?: string;
  source?: string;
  open?: string;
  overdue?: string;
  year?: string;
  sort?: string;
  page?: string;
};

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

export function parseFilters(query: FilterQuery, thisYear: number): ProblemFilters {
  const year =
    query.year && /^\d{4}$/.test(query.year) && Number(query.year) >= 2000 && Number(query.year) <= thisYear
      ? Number(query.year)
      : undefined;
  return {
    area: query.area && /^\d{2,12}$/.test(query.area) ? query.area : undefined,
    status: oneOf(PROBLEM_STATUSES, query.status),
    category: oneOf(PROBLEM_CATEGORIES, query.category),
    urgency: oneOf(URGENCIES, query.urgency),
    source: oneOf(PROBLEM_SOURCES, query.source),
    open: query.open === '1' ? true : undefined,
    overdue: query.overdue === '1' ? true : undefined,
    year,
    sort: oneOf(PROBLEM_SORTS, query.sort),
    page: query.page ? parsePage(query.page) : undefined,
  };
}

/** The filters back as URL parameters (without the page), for links, pagination and the export. */
export function filterParams(filters: ProblemFilters): Record<string, string | undefined> {
  return {
    area: filters.area,
    status: filters.status,
    category: filters.category,
    urgency: filters.urgency,
    source: filters.source,
    open: filters.open ? '1' : undefined,
    overdue: filters.overdue ? '1' : undefined,
    year: filters.year ? String(filters.year) : undefined,
    sort: filters.sort,
  };
}

export function queryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
}
