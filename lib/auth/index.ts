import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db/client";
import { getEnv } from "../env";
import { clientIp } from "../http/client-ip";
import { log } from "../log";
import { authenticate } from "./authenticate";
import { sessionConfig } from "./config";
import { authSecret } from "./secret";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

// Lazy: the config is built on the first request, so `next build` needs no secret or database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...sessionConfig,
  secret: authSecret(),
  // Auth.js logs to the console by default, with a stack trace for every
  // wrong password. Wrong passwords are expected and already logged once, as
  // JSON, by authorize() below; everything else goes to the app's logger.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers, getEnv().TRUSTED_PROXIES);
        const result = await authenticate(db(), { email: credentials.email, password: credentials.password, ip });
        if (result.ok) {
          log.info({ userId: result.user.id }, "signed in");
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sessionVersion: result.user.sessionVersion };
        }
        log.warn({ ip, reason: result.reason }, "sign-in refused");
        throw result.reason === "throttled" ? new TooManyAttempts() : new InvalidCredentials();
      },
    }),
  ],
}));
