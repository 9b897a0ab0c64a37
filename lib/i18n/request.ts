import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale } from './locales';
import { MESSAGES, strictMessages } from './messages';

// No locale in the URL: field users share links; the language is a per-browser cookie.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Asia/Shanghai',
    // Under test a missing key fails the page; in production next-intl logs it and shows the key's path.
    ...(strictMessages()
      ? {
          onError(error: Error) {
            throw error;
          },
        }
      : {}),
  };
});

export async function currentLocale() {
  try {
    return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return toLocale(undefined); // outside a request (scripts, tests)
  }
}
