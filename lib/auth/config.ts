import "next-auth/jwt";
import type { NextAuthConfig } from "next-auth";
import { isRole, type Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The account's session version at sign-in (lib/users/passwords.ts moves it on to end every session). */
    sessionVersion?: number;
  }
}

/**
 * The part of the Auth.js setup that needs no database: sessions are signed
 * JWT cookies carrying the user's id and role. proxy.ts uses only this; the
 * providers live in lib/auth/index.ts.
 */
export const sessionConfig = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  // The app sits behind whatever proxy the deployment has; PUBLIC_URL, not the
  // Host header, is what the app uses for links it hands to others.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (isRole(token.role)) session.user.role = token.role;
      session.user.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
} satisfies Omit<NextAuthConfig, "secret">;
