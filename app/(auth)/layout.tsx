import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { LanguageSwitch } from '@/components/layout/language-switch';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('app');
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-bold text-brand-800">{t('name')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('tagline')}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ClientMessages namespaces={['auth']}>{children}</ClientMessages>
        </div>
        <div className="mt-4 text-center">
          <LanguageSwitch returnTo="/login" />
        </div>
      </div>
    </div>
  );
}
