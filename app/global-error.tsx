'use client';

// Last resort when the root layout itself fails: no providers are available here, so plain bilingual text.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>系统出错了 / Something went wrong</h1>
        <p>请稍后重试；如仍有问题，请把请求编号告诉管理员。</p>
        {error.digest && <p>请求编号 / Request id: {error.digest}</p>}
      </body>
    </html>
  );
}
