'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Role } from '@/lib/enums';
import { approveAccount, rejectAccount } from '@/lib/users/actions';
import { IssuedPassword } from './issued-password';

export type PendingRequest = {
  id: number;
  version: number;
  username: string;
  displayName: string;
  role: Role;
  scopeName: string;
  kind: 'CREATE' | 'PASSWORD_RESET';
  requestedBy: string | null;
  requestedAt: string;
};

/**
 * Pending requests with approve / reject buttons. The action states live here, not in the rows: an
 * approved row leaves the list at once, and the issued password must stay on screen to be handed over.
 */
export function ApprovalList({ requests }: { requests: PendingRequest[] }) {
  const t = useTranslations();
  const { state: approveState, formAction: approve } = useActionForm(approveAccount);
  const { state: rejectState, formAction: reject } = useActionForm(rejectAccount);
  return (
    <div className="space-y-4">
      <FormMessage state={approveState} />
      <IssuedPassword username={approveState.data?.username} password={approveState.data?.issuedPassword} />
      <FormMessage state={rejectState} />
      {requests.length === 0 ? (
        <p className="py-2 text-sm text-slate-600">{t('users.noPending')}</p>
      ) : (
        <Table minWidth="48rem">
          <HeadRow>
            <Th>{t('users.username')}</Th>
            <Th>{t('users.displayName')}</Th>
            <Th>{t('users.role')}</Th>
            <Th>{t('users.scope')}</Th>
            <Th>{t('users.request')}</Th>
            <Th>{t('users.requestedBy')}</Th>
            <Th>{t('users.requestedAt')}</Th>
            <Th>
              <span className="sr-only">{t('users.approve')}</span>
            </Th>
          </HeadRow>
          <tbody>
            {requests.map((request) => (
              <Row key={request.id} data-testid="pending-request">
                <Td className="font-medium">{request.username}</Td>
                <Td>{request.displayName}</Td>
                <Td>{t(`roles.${request.role}`)}</Td>
                <Td>{request.scopeName}</Td>
                <Td>{request.kind === 'CREATE' ? t('users.pendingCreate') : t('users.pendingReset')}</Td>
                <Td>{request.requestedBy ?? '—'}</Td>
                <Td className="tabular-nums text-slate-500">{request.requestedAt}</Td>
                <Td>
                  <div className="flex gap-2">
                    <form action={approve}>
                      <input type="hidden" name="id" value={request.id} />
                      <input type="hidden" name="version" value={request.version} />
                      <SubmitButton aria-label={`${t('users.approve')} ${request.username}`}>
                        {t('users.approve')}
                      </SubmitButton>
                    </form>
                    <form action={reject}>
                      <input type="hidden" name="id" value={request.id} />
                      <input type="hidden" name="version" value={request.version} />
                      <SubmitButton variant="secondary" aria-label={`${t('users.reject')} ${request.username}`}>
                        {t('users.reject')}
                      </SubmitButton>
                    </form>
                  </div>
                </Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
