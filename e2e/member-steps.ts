import type { Page } from "@playwright/test";

/**
 * Starts recording every message the call's status shows on this page, in
 * the order the member saw them. Answers a function that reads them back.
 */
export async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="call-progress"] [role="status"]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

/** Asks the demo page to call `number` (a UK number) and put them through to Alex Rivera. */
/** The demo menu, as the virtual phone shows it when said. */
export const MENU = "Said: “Press 1 to be connected now. Press 2 to hear the message again.”";

export async function callAlex(page: Page, number: string) {
  await page.goto("/p/demo");
  await page.getByRole("radio", { name: /Alex Rivera/ }).check();
  await page.getByLabel("Your phone number").fill(number);
  await page.getByRole("button", { name: "Call me now" }).click();
  return page.getByTestId("call-progress");
}
