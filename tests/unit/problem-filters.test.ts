// The ledger's filters in the address: the order is one of the named sorts or the default, and travels with the rest.
import { describe, expect, it } from 'vitest';
import { filterParams, parseFilters } from '@/lib/problems/filters';

describe('ledger filters', () => {
  it('reads a known sort and ignores anything else (newest found first)', () => {
    expect(parseFilters({ sort: 'deadline' }, 2026).sort).toBe('deadline');
    expect(parseFilters({ sort: 'village' }, 2026).sort).toBe('village');
    expect(parseFilters({ sort: 'id; drop table' }, 2026).sort).toBeUndefined();
  });

  it('keeps the sort with the other filters for links, pagination and the export', () => {
    const filters = parseFilters({ status: 'OPEN', sort: 'deadline', page: '3' }, 2026);
    expect(filterParams(filters)).toMatchObject({ status: 'OPEN', sort: 'deadline' });
    expect(filterParams(filters)).not.toHaveProperty('page');
  });
});
