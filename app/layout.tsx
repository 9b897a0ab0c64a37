import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { StrictMessages } from '@/components/layout/strict-messages';
import { pickMessages, SHELL_NAMESPACES } from '@/lib/i18n/client-messages';
import { type Messages, strictMessages } from '@/lib/i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
    icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('shortName'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The shell's messages; a section's layout or a page adds its own (components/layout/client-messages.tsx). */}
        <NextIntlClientProvider messages={pickMessages((await getMessages()) as Messages, SHELL_NAMESPACES)}>
          {strictMessages() ? <StrictMessages>{children}</StrictMessages> : children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
