import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { SESSION_MAX_HOURS } from './password';

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
  session: { strategy: 'jwt', maxAge: SESSION_MAX_HOURS * 3600 },
  pages: { signIn: '/login' },
  logger: { error: (error) => { if (!(error instanceof CredentialsSignin)) console.error(error); } },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials) {
        const { verifyLogin } = await import('./data');
        const result = await verifyLogin(String(credentials.username ?? ''), String(credentials.password ?? ''));
        if (!result.ok) {
          const minutesLeft = result.lockedUntil ? Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000) : 0;
          throw new LoginRefused(result.reason === 'locked' ? `locked:${minutesLeft}` : result.reason);
        }
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
