import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CreateUnitForm } from '@/components/teams/create-unit-form';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listUnits } from '@/lib/teams/data';

export default async function UnitsPage() {
  const viewer = await requirePermission('team.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <UnitsContent viewer={viewer} />
    </PageBody>
  );
}

async function UnitsContent({ viewer }: { viewer: Viewer }) {
  const [units, t] = await Promise.all([listUnits(viewer), getTranslations()]);
  return (
    <>
      <PageHeader title={t('teams.units')} description={viewer.scopeName} />
      <div className="space-y-4">
        {can(viewer.role, 'team.manage') && (
          <Card title={t('teams.newUnit')}>
            <CreateUnitForm />
          </Card>
        )}
        <Card>
          <Table minWidth="28rem">
            <HeadRow>
              <Th>{t('teams.unitName')}</Th>
              <Th>{t('teams.level')}</Th>
              <NumTh>{t('teams.posted')}</NumTh>
            </HeadRow>
            <tbody>
              {units.map((u) => (
                <Row key={u.id}>
                  <Td>{u.name}</Td>
                  <Td>{t(`teams.unitLevels.${u.level}`)}</Td>
                  <NumCell>{u.posted}</NumCell>
                </Row>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </>
  );
}
