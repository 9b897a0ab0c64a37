import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { AssetForm, BeneficiaryForm, IncomeForm, RemoveBeneficiaryForm } from '@/components/projects/asset-forms';
import { AuditForm, PaymentForm, ReversalForm } from '@/components/projects/money-forms';
import { ProgressForm } from '@/components/projects/progress-form';
import { ProjectStepForm } from '@/components/projects/step-form';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { Disclosure } from '@/components/ui/disclosure';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { found } from '@/lib/errors';
import { formatPercent } from '@/lib/figures/rules';
import { parseId } from '@/lib/http';
import { getProject } from '@/lib/projects/data';
import { formatYuan, STAGE_ORDER } from '@/lib/projects/rules';
import { chinaMoment } from '@/lib/time';

const SUMMARY = 'flex min-h-10 cursor-pointer items-center text-sm font-medium text-brand-800';

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('project.view');
  const id = found(parseId((await params).id));
  const [p, t] = await Promise.all([getProject(viewer, id), getTranslations('projects')]);
  const reached = STAGE_ORDER.indexOf(p.stage);
  return (
    <ClientMessages namespaces={['visits']}>
      <PageBody>
        <PageHeader
          title={p.name}
          description={`${p.year} · ${t(`kinds.${p.kind}`)} · ${p.place} · ${p.ownerUnit}`}
          actions={
            <div className="flex flex-wrap gap-2">
              {p.stage === 'PROPOSED' && can(viewer.role, 'project.propose') && (
                <Link href={`/projects/${p.id}/edit`} className={buttonClass('secondary')}>
                  {t('edit')}
                </Link>
              )}
              <Link href={`/projects/${p.id}/board`} className={buttonClass('secondary')}>
                {t('board')}
              </Link>
              <Link href="/projects" className={buttonClass('secondary')}>
                {t('backToList')}
              </Link>
            </div>
          }
        />
        <div className="space-y-4">
          <ol className="flex flex-wrap gap-1 text-xs" aria-label={t('stage')}>
            {p.stage === 'REJECTED' ? (
              <li className="rounded bg-red-100 px-2 py-1 font-semibold text-red-800">{t('stages.REJECTED')}</li>
            ) : (
              STAGE_ORDER.map((s, i) => (
                <li
                  key={s}
                  aria-current={s === p.stage ? 'step' : undefined}
                  className={`rounded px-2 py-1 ${i < reached ? 'bg-brand-50 text-brand-800' : i === reached ? 'bg-brand-700 font-semibold text-white' : 'bg-slate-100 text-slate-600'}`}
                >
                  {t(`stages.${s}`)}
                </li>
              ))
            )}
          </ol>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <Stat label={t('budgetYuan')} value={formatYuan(p.budgetFen)} />
            <Stat label={t('paidYuan')} value={<span data-testid="project-paid-yuan">{formatYuan(p.paidFen)}</span>} />
            <Stat label={t('spendingRate')} value={p.rate === null ? '—' : formatPercent(p.rate)} />
            <Stat label={t('progressPercent')} value={`${p.progressPercent}%`} />
            <Stat
              label={t('plannedEndOn')}
              value={<span className={p.overdue ? 'text-red-700' : ''}>{p.plannedEndOn}</span>}
              hint={p.overdue ? t('overdueBadge') : undefined}
            />
          </div>
          {p.unaudited && (
            <p
              role="status"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {t('unauditedNotice')}
            </p>
          )}

          <div className="grid gap-4 lg:grid-cols-2">
            <Card title={t('facts')}>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-slate-500">{t('description')}</dt>
                <dd className="whitespace-pre-line">{p.description}</dd>
                <dt className="text-slate-500">{t('villages')}</dt>
                <dd>
                  {p.villages.map((v, i) => (
                    <span key={v.code}>
                      {i > 0 && '、'}
                      {v.name}{' '}
                      <TextLink href={`/projects/notice?village=${v.code}&year=${p.year}`} className="text-xs">
                        {t('villageNotice')}
                      </TextLink>
                    </span>
                  ))}
                </dd>
                <dt className="text-slate-500">{t('contact')}</dt>
                <dd>
                  {p.contactName} {p.contactPhone}
                </dd>
                {p.noticeStartOn && (
                  <>
                    <dt className="text-slate-500">{t('noticePeriod')}</dt>
                    <dd className="tabular-nums">
                      {p.noticeStartOn} – {p.noticeEndOn}
                    </dd>
                  </>
                )}
                {p.acceptedOn && (
                  <>
                    <dt className="text-slate-500">{t('acceptedOn')}</dt>
                    <dd className="tabular-nums">{p.acceptedOn}</dd>
                  </>
                )}
              </dl>
            </Card>
            <Card title={t('nextStep')}>
              <ProjectStepForm
                project={{ id: p.id, version: p.version, progressPercent: p.progressPercent }}
                moves={p.moves.filter((m) => m !== 'PROGRESS')}
                quietWhenNone={p.moves.includes('PROGRESS')}
              />
              {p.moves.includes('PROGRESS') && (
                <div className={p.moves.length > 1 ? 'mt-4 border-t border-slate-200 pt-4' : undefined}>
                  <ProgressForm
                    project={{ id: p.id, version: p.version, progressPercent: p.progressPercent, name: p.name }}
                  />
                </div>
              )}
            </Card>
          </div>

          <Card title={t('fundsTitle')}>
            <Table minWidth="32rem">
              <HeadRow>
                <Th>{t('source')}</Th>
                <NumTh>{t('approvedYuan')}</NumTh>
                <NumTh>{t('paidYuan')}</NumTh>
                <NumTh>{t('remainingYuan')}</NumTh>
              </HeadRow>
              <tbody>
                {p.funds.map((f) => (
                  <Row key={f.source} data-source={f.source}>
                    <Td>{t(`sources.${f.source}`)}</Td>
                    <NumCell>{formatYuan(f.approvedFen)}</NumCell>
                    <NumCell>{formatYuan(f.paidFen)}</NumCell>
                    <NumCell>{formatYuan(f.approvedFen - f.paidFen)}</NumCell>
                  </Row>
                ))}
              </tbody>
            </Table>
            <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-800">
              {t('vouchers', { count: p.payments.length })}
            </h3>
            {p.payments.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noPayments')}</p>
            ) : (
              <Table minWidth="40rem">
                <HeadRow>
                  <Th>{t('paidOn')}</Th>
                  <Th>{t('voucherNo')}</Th>
                  <Th>{t('source')}</Th>
                  <Th>{t('paymentKind')}</Th>
                  <Th>{t('payee')}</Th>
                  <NumTh>{t('amountYuan')}</NumTh>
                </HeadRow>
                <tbody>
                  {p.payments.map((y) => (
                    <Row key={y.id} data-voucher={y.voucherNo}>
                      <Td className="tabular-nums">{y.paidOn}</Td>
                      <Td>
                        {y.voucherNo}
                        {y.reversed && (
                          <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-700">{t('reversed')}</span>
                        )}
                      </Td>
                      <Td>{t(`sources.${y.source}`)}</Td>
                      <Td>
                        {t(`paymentKinds.${y.kind}`)}
                        {y.reversesVoucher && (
                          <span className="block text-xs text-slate-600">
                            {t('reversalOf', { voucher: y.reversesVoucher })}：{y.reason}
                          </span>
                        )}
                      </Td>
                      <Td>{y.payee}</Td>
                      <Td className={`text-right tabular-nums ${y.amountFen < 0n ? 'text-red-700' : ''}`}>
                        {formatYuan(y.amountFen)}
                      </Td>
                    </Row>
                  ))}
                </tbody>
              </Table>
            )}
            {p.may.pay && p.payments.some((y) => !y.reversed && !y.reversesVoucher) && (
              <div className="mt-4 space-y-2">
                {p.payments
                  .filter((y) => !y.reversed && !y.reversesVoucher)
                  .map((y) => (
                    <Disclosure
                      key={y.id}
                      initiallyOpen={false}
                      summary={`${t('reverse')} ${y.voucherNo}`}
                      summaryClassName={SUMMARY}
                    >
                      <ReversalForm
                        payment={{
                          id: y.id,
                          voucherNo: y.voucherNo,
                          amount: formatYuan(y.amountFen),
                          paidOn: y.paidOn,
                        }}
                        today={p.today}
                      />
                    </Disclosure>
                  ))}
              </div>
            )}
            {p.may.pay && (
              <div className="mt-4">
                <Disclosure initiallyOpen={false} summary={t('addPayment')} summaryClassName={SUMMARY}>
                  <PaymentForm projectId={p.id} sources={p.funds.map((f) => f.source)} today={p.today} />
                </Disclosure>
              </div>
            )}
          </Card>

          <Card title={t('beneficiariesTitle', { count: p.beneficiaries.length })}>
            {p.beneficiaries.length > 0 && (
              <ul className="mb-3 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
                {p.beneficiaries.map((b) => (
                  <li
                    key={b.householdId}
                    className="flex flex-wrap items-center gap-x-2"
                    data-beneficiary={b.householdId}
                  >
                    <span>
                      <TextLink href={`/households/${b.householdId}`}>{b.headName}</TextLink>{' '}
                      <span className="text-slate-500">
                        {b.village} · {t(`mechanisms.${b.mechanism}`)}
                      </span>
                    </span>
                    {p.may.addPeople && (
                      <RemoveBeneficiaryForm projectId={p.id} household={{ id: b.householdId, name: b.headName }} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {p.may.addPeople && <BeneficiaryForm projectId={p.id} households={p.householdOptions} />}
          </Card>

          <Card title={t('assetsTitle', { count: p.assets.length })}>
            {p.assets.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noAssets')}</p>
            ) : (
              <ul className="space-y-3">
                {p.assets.map((a) => (
                  <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm" data-asset={a.id}>
                    <p className="font-medium">
                      {a.name} · {t(`assetKinds.${a.kind}`)} · {formatYuan(a.valueFen)} {t('yuan')}
                    </p>
                    <p className="text-slate-600">
                      {t('assetOwner')} {a.ownerName} · {t('custodian')} {a.custodian}
                      {a.household ? ` · ${a.household}` : ''} · {t('registeredOn')} {a.registeredOn}
                    </p>
                    <p className="text-slate-600">
                      {t('incomeReturned', { amount: formatYuan(a.incomeFen), times: a.incomes.length })}
                    </p>
                    {p.may.income && (
                      <div className="mt-2">
                        <Disclosure initiallyOpen={false} summary={t('addIncome')} summaryClassName={SUMMARY}>
                          <IncomeForm assetId={a.id} today={p.today} />
                        </Disclosure>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {p.may.registerAsset && (
              <div className="mt-4">
                <Disclosure summary={t('addAsset')} initiallyOpen={p.stage === 'ACCEPTED'} summaryClassName={SUMMARY}>
                  <AssetForm projectId={p.id} households={p.householdOptions} />
                </Disclosure>
              </div>
            )}
          </Card>

          <Card title={t('auditsTitle', { count: p.audits.length })}>
            {p.audits.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noAudits')}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {p.audits.map((a) => (
                  <li key={a.id}>
                    <span className="tabular-nums">{a.auditedOn}</span> · {a.auditor}: {a.finding}
                    {a.amountQuestionedFen > 0n && (
                      <span className="text-red-700">
                        {' '}
                        · {t('questioned', { amount: formatYuan(a.amountQuestionedFen) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {p.may.audit && (
              <div className="mt-4">
                <Disclosure initiallyOpen={false} summary={t('addAudit')} summaryClassName={SUMMARY}>
                  <AuditForm projectId={p.id} today={p.today} />
                </Disclosure>
              </div>
            )}
          </Card>

          <Card title={t('history')}>
            <ol className="space-y-2 text-sm">
              {p.steps.map((s) => (
                <li key={s.id}>
                  <span className="tabular-nums text-slate-500">{chinaMoment(s.at)}</span> · {s.userName} ·{' '}
                  <span className="font-medium">{t(`stepsDone.${s.kind}`)}</span>
                  {s.progressPercent !== null && ` ${s.progressPercent}%`}
                  {s.note && <span className="text-slate-600"> · {s.note}</span>}
                  {s.photos.length > 0 && (
                    <div role="group" className="mt-2 flex flex-wrap gap-2" aria-label={t('progressPhotos')}>
                      {s.photos.map((photoId, i) => (
                        <a
                          key={photoId}
                          href={`/api/attachments/${photoId}`}
                          target="_blank"
                          rel="noopener"
                          className="block h-20 w-20 overflow-hidden rounded border border-slate-200 bg-slate-50"
                        >
                          <img
                            src={`/api/attachments/${photoId}`}
                            alt={t('photo', { n: i + 1 })}
                            className="h-full w-full object-cover"
                            loading="lazy"
                          />
                        </a>
                      ))}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </PageBody>
    </ClientMessages>
  );
}
