import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

/**
 * A first filter only: it checks for a valid session cookie and sends
 * signed-out visitors to sign-in with a way back. Roles are checked where the
 * data is (lib/auth/session.ts, lib/auth/action.ts), never here alone.
 */
export async function proxy(request: NextRequest) {
  const secret = authSecret();
  // Auth.js names the cookie __Secure-… when it was set over https, which
  // behind a TLS-terminating proxy need not match this request's scheme.
  const token =
    (await getToken({ req: request, secret, secureCookie: false })) ?? (await getToken({ req: request, secret, secureCookie: true }));
  if (token?.sub) return NextResponse.next();

  const signIn = new URL("/signin", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/admin", "/admin/:path*", "/account/:path*", "/phone-bank", "/phone-bank/:path*"] };
