import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { SESSION_MAX_HOURS } from './password';
import { loginSchema } from './schema';
import { clientAddress } from './throttle';

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// The JWT carries only the server-side session id; everything else is read from the database per request.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Secure cookies follow AUTH_URL or the proxy's X-Forwarded-Proto; PUBLIC_URL (https://…) settles it too (lib/security-headers.ts).
  ...(process.env.PUBLIC_URL ? { useSecureCookies: process.env.PUBLIC_URL.startsWith('https://') } : {}),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_HOURS * 3600 },
  pages: { signIn: '/login' },
  logger: {
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      // The one place every sign-in passes: the login form's action (signIn() builds a request from
      // the incoming headers) and a direct POST to /api/auth/callback/credentials. The route stays
      // open because verifyLogin() applies the address throttle and the lockout to both alike.
      async authorize(credentials, request) {
        const { verifyLogin } = await import('./data');
        // The form's schema holds for direct posts too (they skip the form's action): no password is checked otherwise.
        const input = loginSchema.safeParse({ username: credentials.username, password: credentials.password });
        if (!input.success) throw new LoginRefused('invalid');
        const address = clientAddress(request.headers.get('x-forwarded-for'));
        const result = await verifyLogin(input.data.username, input.data.password, new Date(), address);
        if (!result.ok)
          throw new LoginRefused(result.reason === 'throttled' ? `throttled:${result.minutes}` : 'invalid');
        return { id: result.sessionId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === 'string' ? token.sid : undefined;
      return session;
    },
  },
});
