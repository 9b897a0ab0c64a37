import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProposeForm } from '@/components/projects/propose-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { found } from '@/lib/errors';
import { parseId } from '@/lib/http';
import { getProject, proposeOptions } from '@/lib/projects/data';
import { formatYuan } from '@/lib/projects/rules';

/** A proposal changed while it waits for approval; once approved, the project page instead. */
export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('project.propose');
  const id = found(parseId((await params).id));
  const [p, options, t] = await Promise.all([
    getProject(viewer, id),
    proposeOptions(viewer),
    getTranslations('projects'),
  ]);
  if (p.stage !== 'PROPOSED') redirect(`/projects/${p.id}`);
  const values = {
    projectId: p.id,
    version: p.version,
    villageCodes: p.villages.map((v) => v.code),
    values: {
      name: p.name,
      kind: p.kind,
      year: String(p.year),
      plannedEndOn: p.plannedEndOn,
      description: p.description,
      ownerUnitId: String(p.ownerUnitId),
      contactName: p.contactName,
      contactPhone: p.contactPhone,
      ...Object.fromEntries(p.funds.map((f) => [`fund_${f.source}`, formatYuan(f.approvedFen).replace(/,/g, '')])),
    },
  };
  return (
    <PageBody>
      <PageHeader title={t('edit')} description={t('editHint')} />
      <Card>
        <ProposeForm villages={options.villages} units={options.units} year={p.year} project={values} />
      </Card>
    </PageBody>
  );
}
