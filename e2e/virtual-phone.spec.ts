import { expect, test } from "./fixtures";
import { openVirtualPhone, scriptNumber } from "./helpers";
import { startApp } from "./server";

test("a test call rings on /dev/phone, where a person answers, presses 1 and talks to a second phone @call-flow", async ({ browser }) => {
  // The second phone answers by itself; the first is answered by hand.
  const page = await openVirtualPhone(browser);
  await scriptNumber(page, "+447700900456", { answer: "answer", answerAfter: 1 });

  await page.getByLabel("Call this number").fill("+447700900123");
  await page.getByLabel("Pressing 1 connects to").fill("+447700900456");
  await page.getByRole("button", { name: "Place test call" }).click();

  const member = page.getByRole("article", { name: "Call to +447700900123" });
  await expect(member.getByTestId("call-status")).toHaveText("ringing");
  await member.getByRole("button", { name: "Answer" }).click();
  await expect(member.getByText(/Said: “This is a Patchthrough test call/)).toBeVisible();
  await member.getByRole("button", { name: "Press 1" }).click();

  const target = page.getByRole("article", { name: "Call to +447700900456" });
  await expect(target.getByText("Talking with +447700900123")).toBeVisible();
  await expect(member.getByText("Talking with +447700900456")).toBeVisible();
  await expect(target.getByText("Dialled by a call (target leg)")).toBeVisible();

  await target.getByRole("button", { name: "Hang up" }).click();
  await expect(member.getByText("Said: “The other call has ended. Goodbye.”")).toBeVisible();
  await expect(member.getByTestId("call-status")).toHaveText("completed");
});

test("the test call form explains a number it cannot call", async ({ browser }) => {
  const page = await openVirtualPhone(browser);
  await page.getByLabel("Call this number").fill("12345");
  await page.getByRole("button", { name: "Place test call" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Enter a number in international form");
});

test("with real Twilio configured, everything under /dev is gone", async () => {
  const app = startApp(3197, { TELEPHONY: "twilio", TWILIO_ACCOUNT_SID: `AC${"a".repeat(32)}`, TWILIO_AUTH_TOKEN: "b".repeat(32) });
  try {
    await app.ready();
    for (const path of ["/dev/phone", "/dev/phone/api/calls", `/dev/twilio/2010-04-01/Accounts/AC${"a".repeat(32)}/Calls.json`]) {
      expect((await fetch(`${app.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${app.url}/dev/phone/api/test-call`, { method: "POST", body: "{}" })).status).toBe(404);
  } finally {
    await app.stop();
  }
});
