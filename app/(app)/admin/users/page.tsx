import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { ROLES } from '@/lib/auth/permissions';
import type { Role } from '@/lib/enums';
import { parsePage } from '@/lib/http';
import { chinaMoment } from '@/lib/time';
import { listUsers } from '@/lib/users/data';

type Search = { q?: string; role?: string; status?: string; page?: string };

export default async function UsersPage(props: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('user.manage'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <UsersContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function UsersContent({ viewer, searchParams }: { searchParams: Promise<Search> } & { viewer: Viewer }) {
  const search = await searchParams;
  const role = ROLES.includes(search.role as Role) ? (search.role as Role) : undefined;
  const status = ['active', 'disabled', 'locked', 'pending'].includes(search.status ?? '')
    ? (search.status as 'active')
    : undefined;
  const result = await listUsers(viewer, {
    q: search.q?.trim() || undefined,
    role,
    status,
    page: parsePage(search.page),
  });
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          <Link href="/admin/users/new" className={buttonClass()}>
            {t('users.create')}
          </Link>
        }
      />
      <Card>
        <form className="mb-4 grid grid-cols-1 gap-2 sm:grid-cols-4" role="search">
          <input
            name="q"
            defaultValue={search.q}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            className={inputClass}
          />
          <select name="role" defaultValue={role ?? ''} aria-label={t('users.role')} className={inputClass}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <select name="status" defaultValue={status ?? ''} aria-label={t('users.status')} className={inputClass}>
            <option value="">{t('users.allStatuses')}</option>
            <option value="active">{t('users.active')}</option>
            <option value="disabled">{t('users.disabled')}</option>
            <option value="locked">{t('users.locked')}</option>
            <option value="pending">{t('users.pending')}</option>
          </select>
          <button type="submit" className={buttonClass('secondary')}>
            {t('common.search')}
          </button>
        </form>
        <Table minWidth="40rem">
          <HeadRow>
            <Th>{t('users.username')}</Th>
            <Th>{t('users.displayName')}</Th>
            <Th>{t('users.role')}</Th>
            <Th>{t('users.scope')}</Th>
            <Th>{t('users.status')}</Th>
            <Th>{t('users.lastLogin')}</Th>
          </HeadRow>
          <tbody>
            {result.rows.map((user) => (
              <Row hover key={user.id}>
                <Td>
                  <TextLink href={`/admin/users/${user.id}`} className="font-medium">
                    {user.username}
                  </TextLink>
                </Td>
                <Td>{user.displayName}</Td>
                <Td>{t(`roles.${user.role}`)}</Td>
                <Td>{user.scope.name}</Td>
                <Td>
                  {user.pendingApproval
                    ? t('users.pending')
                    : user.disabled
                      ? t('users.disabled')
                      : user.locked
                        ? t('users.locked')
                        : user.mustChangePassword
                          ? t('users.mustChange')
                          : t('users.active')}
                </Td>
                <Td className="tabular-nums text-slate-500">
                  {user.lastLoginAt ? chinaMoment(user.lastLoginAt) : '—'}
                </Td>
              </Row>
            ))}
            {result.rows.length === 0 && (
              <tr>
                <Td colSpan={6} className="py-6 text-center text-slate-500">
                  {t('common.noResults')}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          basePath="/admin/users"
          params={{ q: search.q, role, status }}
        />
      </Card>
    </>
  );
}
