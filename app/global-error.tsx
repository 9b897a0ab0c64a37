'use client';
import { DATABASE_BUSY_DIGEST } from '@/lib/errors';

// Last resort when the root layout itself fails: no providers are available here, so plain bilingual text.
// A database that is down or full (lib/db.ts marks it) reads "busy", as in app/error.tsx.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const busy = error.digest === DATABASE_BUSY_DIGEST;
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>{busy ? '系统繁忙 / The system is busy' : '系统出错了 / Something went wrong'}</h1>
        <p>
          {busy
            ? '系统繁忙，请稍后刷新重试。 / Please reload in a moment.'
            : '请稍后重试；如仍有问题，请把请求编号告诉管理员。'}
        </p>
        {error.digest && !busy && <p>请求编号 / Request id: {error.digest}</p>}
      </body>
    </html>
  );
}
