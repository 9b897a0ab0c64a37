import { getMessages, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requireViewer } from '@/lib/auth/data';
import type { Messages } from '@/lib/i18n/messages';

/** The words the app shows, each in one meaning (issue 17): the same page for every role. */
export default async function GlossaryPage() {
  await requireViewer();
  const [t, messages] = await Promise.all([getTranslations('glossary'), getMessages()]);
  const terms = (messages as Messages).glossary.terms;
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Card>
        <dl className="divide-y divide-slate-100" data-testid="glossary">
          {Object.entries(terms).map(([key, { term, meaning }]) => (
            <div key={key} className="grid gap-1 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
              <dt className="font-semibold text-slate-900">{term}</dt>
              <dd className="text-sm text-slate-700">{meaning}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
