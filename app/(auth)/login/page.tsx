import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { getViewer } from '@/lib/auth/data';
import { returnPath } from '@/lib/auth/return-to';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = returnPath((await searchParams).next);
  if (await getViewer()) redirect(next ?? '/');
  return <LoginForm next={next} />;
}
