import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { verifyDelivery } from "../lib/integrations/signature";
import { DEMO_ADMIN, signIn } from "./helpers";

test("an admin connects their CRM, sends a test delivery that arrives signed, and re-sends it", async ({ page }) => {
  const received: { body: string; signature: string; delivery: string }[] = [];
  const crm = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ body, signature: String(request.headers["patchthrough-signature"]), delivery: String(request.headers["patchthrough-delivery"]) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/hooks`;

  try {
    await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Integrations" }).click();
    await page.getByLabel("Address (URL)").fill("crm.example.org/hooks");
    await page.getByRole("button", { name: "Add address" }).click();
    await expect(page.getByLabel("Address (URL)")).toHaveAccessibleDescription("Enter a full web address starting with https://");

    await page.getByLabel("Address (URL)").fill(url);
    await page.getByLabel("Description (optional)").fill("Our CRM");
    await page.getByRole("button", { name: "Add address" }).click();
    await expect(page.getByRole("heading", { name: "Our CRM" })).toBeVisible();
    await page.getByText("Signing secret and how to check a delivery").click();
    const secret = (await page.getByText(/^whsec_/).textContent())!.trim();

    await page.getByRole("button", { name: "Send a test delivery" }).click();
    await expect(page.getByText("A test delivery is on its way.")).toBeVisible();
    // The queue's worker picks it up on its next poll; the page shows it once the address has answered.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Delivered")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByText("1 attempt; the address answered HTTP 200")).toBeVisible();
    expect(received).toHaveLength(1);
    expect(verifyDelivery(secret, received[0]!.body, received[0]!.signature)).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "test", id: received[0]!.delivery, data: { message: expect.stringContaining("test delivery") } });

    // A re-send carries the same delivery id, so the CRM can tell it is the same event.
    await page.getByRole("button", { name: "Re-send" }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1]!.delivery).toBe(received[0]!.delivery);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Delivered")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    crm.close();
  }
});
