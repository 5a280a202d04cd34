import { expect, test } from "../fixtures";
import { freePort, startApp } from "../server";

// Issue 10 point 1: the address rate limits, the sign-in throttle and the blocklist see is the socket's,
// or behind TRUSTED_PROXIES proxies the one they report; whatever a client writes in X-Forwarded-For is not.

/** A failed sign-in through Auth.js, as the sign-in form makes it; answers the code it was refused with. */
async function failedSignIn(base: string, forwardedFor: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((entry) => entry.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie, Origin: base, "X-Forwarded-For": forwardedFor },
    body: new URLSearchParams({ csrfToken, email: "nobody@example.org", password: "wrong password" }),
  });
  return new URL(response.headers.get("location") ?? "/", base).searchParams.get("code");
}

test("with no trusted proxy, a forged X-Forwarded-For does not get round the sign-in throttle", async () => {
  const app = startApp(await freePort(), { TRUSTED_PROXIES: "0" });
  try {
    await app.ready();
    const codes: (string | null)[] = [];
    for (let i = 0; i < 11; i++) codes.push(await failedSignIn(app.url, `198.51.100.${i}, 203.0.113.${i}`));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("invalid_credentials"));
    expect(codes[10]).toBe("too_many_attempts");
  } finally {
    await app.stop();
  }
});

test("behind one trusted proxy, the client is the address that proxy appended, not what the client wrote before it", async () => {
  const app = startApp(await freePort(), { TRUSTED_PROXIES: "1" });
  try {
    await app.ready();
    // Here the test is the proxy: it appends 192.0.2.10 as the client's address; the client forged the rest.
    const codes: (string | null)[] = [];
    for (let i = 0; i < 11; i++) codes.push(await failedSignIn(app.url, `198.51.100.${i}, 192.0.2.10`));
    expect(codes[10]).toBe("too_many_attempts");
    // Another client behind the same proxy is not held back by the first one's failures.
    expect(await failedSignIn(app.url, "192.0.2.11")).toBe("invalid_credentials");
  } finally {
    await app.stop();
  }
});

test("a bare `next start`, which cannot know the client's address, refuses to start and says how to start", async () => {
  const app = startApp(await freePort(), {}, { bareNextStart: true });
  expect(await app.exit()).toBe(1);
  expect(app.stderr()).toBe("patchthrough: start the app with `npm start` (node server.mjs), not `next start`: only its server knows the client's real address.");
});
