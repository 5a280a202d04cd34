import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Every e2e test: the same `test` as Playwright's, which also fails the test
 * when any page it opened (in any context) reported a Content-Security-Policy
 * violation. Specs import `test` from here (eslint enforces it).
 */
export const test = base.extend<{ cspViolations: string[]; allowedCspViolations: RegExp[] }>({
  /** Violations a test provokes on purpose (a page framed where it may not be). */
  allowedCspViolations: [[], { option: true }],
  cspViolations: [
    async ({ browser, context, allowedCspViolations }, provide, testInfo) => {
      const violations: string[] = [];
      const watchPage = (page: Page) =>
        page.on("console", (message) => {
          const text = message.text();
          if (/Content[- ]Security[- ]Policy/i.test(text) && !allowedCspViolations.some((allowed) => allowed.test(text))) violations.push(`${page.url()}: ${text}`);
        });
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
        return watched;
      };
      watchContext(context);
      // Tests open contexts of their own (a second person, a phone); browser.newPage() goes through newContext() too.
      const newContext = browser.newContext.bind(browser);
      const patched = browser as Browser & { newContext: Browser["newContext"] };
      patched.newContext = async (...args) => watchContext(await newContext(...args));
      try {
        await provide(violations);
      } finally {
        patched.newContext = newContext;
      }
      if (violations.length > 0 && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`Content-Security-Policy violations:\n${violations.join("\n")}`);
      }
    },
    { auto: true },
  ],
});
