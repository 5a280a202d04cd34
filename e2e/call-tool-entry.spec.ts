import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openVirtualPhone, scriptNumber, signInAsNewCampaigner } from "./helpers";
import { simulatorCredentials } from "./security/twilio";

/** The campaign's dial-in number, bought on the simulated account for this test (the starter number stays unrouted for others). */
const DIAL_IN = "+442079460020";
const ADA = "+442079460871";
const GRACE = "+442079460872";
const TARGETS = ["name,title,phone,country,constituency", `Ada Lovelace,MP,${ADA},GB,Cities of London and Westminster`, `Grace Hopper,MP,${GRACE},GB,Poplar and Limehouse`].join("\n");
const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test.describe.serial("members reach their target by postcode, on the page and by phoning the campaign's number", () => {
  let editorUrl = "";

  test("a campaigner imports a postcode table, and a member finds their target by postcode and is connected through the virtual phone @call-flow", async ({ browser }) => {
    test.setTimeout(120_000);
    const campaigner = await signInAsNewCampaigner(browser, "postie@example.org");
    // The organisation buys a number on its (simulated) Twilio account, through Twilio's REST API.
    const { accountSid, authToken } = simulatorCredentials();
    const bought = await campaigner.request.post(`/dev/twilio/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`, {
      form: { PhoneNumber: DIAL_IN, FriendlyName: "Campaign line" },
      headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}` },
    });
    expect(bought.status()).toBe(201);
    await campaigner.goto("/admin/phone-numbers");
    await campaigner.getByLabel("Phone number").fill(DIAL_IN);
    await campaigner.getByLabel("Label (optional)").fill("Campaign line");
    await campaigner.getByRole("button", { name: "Add number" }).click();
    await expect(campaigner.getByText(DIAL_IN).first()).toBeVisible();

    await campaigner.goto("/admin/pages/new");
    await campaigner.getByLabel("Title").fill("Postcode bees");
    await campaigner.getByRole("button", { name: "Create page" }).click();
    await expect(campaigner.getByRole("heading", { name: "Postcode bees" })).toBeVisible();
    await campaigner.getByRole("button", { name: "Add plugin" }).click();
    await expect(campaigner.getByRole("heading", { name: "Settings" })).toBeVisible();
    editorUrl = campaigner.url();

    await campaigner.getByLabel("Targets file (CSV)").setInputFiles(csvFile("targets.csv", TARGETS));
    await campaigner.getByRole("button", { name: "Preview import" }).click();
    await campaigner.getByRole("button", { name: "Apply import" }).click();
    await expect(campaigner.getByText("Imported 2 targets.")).toBeVisible();

    // A bad postcode table: every bad row, with its row number, and nothing kept.
    const postcodes = campaigner.getByRole("form", { name: "Import postcodes" });
    await postcodes.getByLabel("Postcode file (CSV)").setInputFiles(csvFile("postcodes.csv", "postcode,constituency\nSW1A,Cities of London and Westminster\nnot a postcode,Poplar and Limehouse\nSW1A,Again\n"));
    await postcodes.getByRole("button", { name: "Import postcodes" }).click();
    const problems = postcodes.getByRole("alert");
    await expect(problems).toContainText("Nothing was imported: 2 problems to fix.");
    await expect(problems).toContainText("row 3: “not a postcode” isn't a UK postcode");
    await expect(problems).toContainText("row 4: SW1A is already on row 2");
    await expect(postcodes.getByTestId("postcode-count")).toHaveText("No postcode table yet.");
    await postcodes.getByLabel("Postcode file (CSV)").setInputFiles(csvFile("postcodes.csv", "Postcode,Constituency\nSW1A,Cities of London and Westminster\nE14,Poplar and Limehouse\n"));
    await postcodes.getByRole("button", { name: "Import postcodes" }).click();
    await expect(campaigner.getByText("Imported 2 postcodes (GB).")).toBeVisible();

    // Members get a target by postcode, and may phone the campaign's number.
    await campaigner.getByRole("radio", { name: /The member's postcode/ }).check();
    await campaigner.getByLabel("Dial-in number").selectOption(DIAL_IN);
    await campaigner.getByRole("button", { name: "Save settings" }).click();
    await expect(campaigner.getByText("Settings saved.")).toBeVisible();
    await campaigner.reload();
    await campaigner.getByRole("button", { name: "Connect this number" }).click();
    await expect(campaigner.getByText(`${DIAL_IN} now rings this call tool.`)).toBeVisible();
    await campaigner.reload();
    await expect(campaigner.getByTestId("inbound-routing")).toHaveText("Connected: calls to this number reach this call tool.");
    await campaigner.goto(editorUrl.replace(/\/plugins\/.*$/, ""));
    await campaigner.getByRole("button", { name: "Publish" }).click();
    await expect(campaigner.getByText("Published: the page is live.")).toBeVisible();

    // A member: a postcode not in the table gets the campaigner's fallback (the whole list), theirs finds their MP.
    const phone = await openVirtualPhone(browser);
    await scriptNumber(phone, GRACE, { answer: "answer", answerAfter: 2, hangupAfter: 20 });
    const member = await (await browser.newContext()).newPage();
    await member.goto("/p/postcode-bees");
    await member.getByLabel("Your postcode").fill("zz1 1zz");
    await member.getByRole("button", { name: "Find who to call" }).click();
    await expect(member.getByTestId("postcode-result")).toHaveText("We couldn't find ZZ1 1ZZ. Choose who to call instead:");
    await expect(member.getByRole("radio")).toHaveCount(2);
    await member.getByLabel("Your postcode").fill("e14 5ab");
    await member.getByRole("button", { name: "Find who to call" }).click();
    await expect(member.getByTestId("postcode-result")).toHaveText("Who to call for E14 5AB:");
    await expect(member.getByTestId("chosen-target")).toHaveText("Grace Hopper, MP");
    await member.getByLabel("Your phone number").fill("020 7946 0873");
    await member.getByRole("button", { name: "Call me now" }).click();
    const progress = member.getByTestId("call-progress");
    const line = phone.getByRole("article", { name: "Call to +442079460873" });
    await line.getByRole("button", { name: "Answer" }).click();
    await expect(line.getByText("Press 1 to be connected now.", { exact: false }).first()).toBeVisible();
    await line.getByRole("button", { name: "Press 1" }).click();
    await expect(progress).toContainText("Connected to Grace Hopper.");
    await expect(progress).toContainText(/You talked to Grace Hopper for \d+ s/, { timeout: 30_000 });
  });

  test("a volunteer tester dials the campaign's number from the virtual phone, keys a postcode, and is connected @call-flow", async ({ browser }) => {
    test.setTimeout(120_000);
    const phone: Page = await openVirtualPhone(browser);
    await scriptNumber(phone, ADA, { answer: "answer", answerAfter: 2, hangupAfter: 15 });
    const tester = "+442079460874";
    const callIn = phone.locator("form", { has: phone.getByRole("heading", { name: "Call in" }) });
    await callIn.getByLabel("From this phone").fill(tester);
    await callIn.getByLabel("To the account's number").selectOption(DIAL_IN);
    await callIn.getByRole("button", { name: "Call" }).click();
    const line = phone.getByRole("article", { name: `Call from ${tester} to ${DIAL_IN}` });
    const heard = line.getByRole("list", { name: "What the line heard" });
    await expect(heard).toContainText("Please enter your postcode on the keypad.");
    // SW1A 1AA, each letter on the key that shows it.
    // A key at a time, as a person presses them: each click is its own request, and two in flight may arrive in either order.
    const keys = [..."7912122#"];
    for (const [index, key] of keys.entries()) {
      await line.getByRole("button", { name: `Press ${key}` }).click();
      await expect(heard.getByRole("listitem").filter({ hasText: /^Pressed / })).toHaveCount(index + 1);
    }
    await expect(heard.getByRole("listitem").filter({ hasText: /^Pressed / })).toHaveText(keys.map((key) => `Pressed ${key}`));
    await expect(heard).toContainText("You're calling Ada Lovelace.");
    await expect(heard).toContainText("Press 1 to be connected now.");
    await line.getByRole("button", { name: "Press 1" }).click();
    await expect(phone.getByRole("article", { name: `Call to ${ADA}` }).getByText(/Talking with/)).toBeVisible({ timeout: 20_000 });

    // The call, as the campaign team sees it: a call like any other, dialled in.
    await phone.goto("/admin/calls");
    await phone.getByTestId("call-row").filter({ hasText: "Ada Lovelace" }).first().getByRole("link").click();
    await expect(phone.getByTestId("call-direction")).toHaveText("inbound: the member dialled in");
    // Put through: still talking, or connected once the call has ended.
    await expect(phone.getByTestId("call-outcome")).toHaveText(/^(member talking to the target|connected)/);
    await expect(phone.getByRole("list", { name: "Timeline" }).getByTestId("timeline-text")).toContainText(["Member's call was answered"]);
  });
});
