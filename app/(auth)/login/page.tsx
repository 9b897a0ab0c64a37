import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { getViewer } from '@/lib/auth/data';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function LoginPage() {
  if (await getViewer()) redirect('/');
  return <LoginForm />;
}
