import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import {
  assignIds,
  attributeNames,
  missingDrillDownAttributes,
  targetDraftSchema,
  toAttributeKey,
  validateTargets,
  type NormalisedDraft,
  type Target,
} from "./targets";

/** Every number these tests treat as callable, with the country it must belong to. */
const VALID_NUMBERS: [string, CountryCode][] = [
  ["+442079460018", "GB"], // Ofcom's drama range, London
  ["+442079460991", "GB"],
  ["+441614960123", "GB"], // Manchester drama range
  ["+14155550123", "US"], // 555-01xx: fictional but valid
  ["+12125550199", "US"],
  ["+12025550100", "US"],
  ["+14165550123", "CA"], // Toronto: shares +1 with the US
  ["+441534555555", "JE"], // Jersey: shares +44 with GB
  ["+34912345678", "ES"],
];

/** Messages by field, for one draft. */
function messages(draft: unknown): Record<string, string> {
  const result = targetDraftSchema.safeParse(draft);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const target = (overrides: Partial<Target> & Pick<Target, "id">): Target => ({
  name: "Diane Abbott",
  title: "",
  phone: "+442079460018",
  extension: "",
  country: "GB",
  callerId: "",
  attributes: {},
  pinned: "",
  ...overrides,
});

const draftOf = ({ id, ...rest }: Target, keepId = true): NormalisedDraft => (keepId ? { id, ...rest } : rest);

describe("the example numbers", () => {
  it.each(VALID_NUMBERS)("%s is valid for %s", (phone, country) => {
    const number = parsePhoneNumberFromString(phone);
    expect(number?.isValid()).toBe(true);
    expect(number?.country).toBe(country);
  });
});

describe("targetDraftSchema", () => {
  it("trims, upper-cases the country and writes the phone in E.164", () => {
    const result = targetDraftSchema.parse({ name: "  Rushanara Ali ", phone: "020 7946 0018", country: " gb " });
    expect(result).toEqual({
      name: "Rushanara Ali",
      title: "",
      phone: "+442079460018",
      extension: "",
      country: "GB",
      callerId: "",
      attributes: {},
      pinned: "",
    });
  });

  it("reads national US formats in the target's country", () => {
    expect(targetDraftSchema.parse({ name: "Nancy Pelosi", phone: "(415) 555-0123", country: "US" }).phone).toBe("+14155550123");
  });

  it("keeps accents in names and titles", () => {
    const result = targetDraftSchema.parse({ name: "José Muñoz", title: "Député de la Müllerstraße", phone: "+34 912 345 678", country: "ES" });
    expect(result).toMatchObject({ name: "José Muñoz", title: "Député de la Müllerstraße" });
  });

  it("normalises attribute names and drops empty values", () => {
    const result = targetDraftSchema.parse({
      name: "Zoë Smith",
      phone: "+44 20 7946 0018",
      country: "GB",
      attributes: { " Postal Code ": " E8 1AA ", chamberName: "Commons", Région: "Île-de-France", party: "  " },
    });
    expect(result.attributes).toEqual({ postal_code: "E8 1AA", chamber_name: "Commons", région: "Île-de-France" });
  });

  it("normalises a caller ID to E.164 and keeps an id to match on", () => {
    const result = targetDraftSchema.parse({ id: " abc ", name: "A", phone: "+14155550123", country: "US", callerId: "+1 212 555 0199" });
    expect(result).toMatchObject({ id: "abc", callerId: "+12125550199" });
  });

  it("takes an extension written after the phone number", () => {
    const result = targetDraftSchema.parse({ name: "Switchboard", phone: "020 7946 0018 ext. 1234", country: "GB" });
    expect(result).toMatchObject({ phone: "+442079460018", extension: "1234" });
  });

  it("refuses an extension in the phone number that disagrees with the extension field", () => {
    expect(messages({ name: "A", phone: "020 7946 0018 ext. 1234", extension: "99", country: "GB" }).phone).toMatch(/extension that differs/);
  });

  it.each([
    [{ name: "  ", phone: "+442079460018", country: "GB" }, "name", "name is required"],
    [{ phone: "+442079460018", country: "GB" }, "name", "name is required"],
    [{ name: "x".repeat(121), phone: "+442079460018", country: "GB" }, "name", "name is at most 120 characters"],
    [{ name: "A", title: "x".repeat(161), phone: "+442079460018", country: "GB" }, "title", "title is at most 160 characters"],
    [{ name: "A", phone: "", country: "GB" }, "phone", "phone number is required"],
    [{ name: "A", phone: "020 7946 001", country: "GB" }, "phone", "phone number is not valid for GB"],
    [{ name: "A", phone: "not a number", country: "GB" }, "phone", "phone number is not valid for GB"],
    [{ name: "A", phone: "+442079460018", country: "United Kingdom" }, "country", "country must be a two-letter code like GB or US"],
    [{ name: "A", phone: "+442079460018", country: "XX" }, "country", "country must be a two-letter code like GB or US"],
    [{ name: "A", phone: "+442079460018", country: "" }, "country", "country must be a two-letter code like GB or US"],
    [{ name: "A", phone: "+442079460018", country: "uk" }, "country", "country for the United Kingdom is GB, not UK"],
    [{ name: "A", phone: "+442079460018", country: "GB", extension: "ext 12" }, "extension", "extension may only contain digits, *, #, w and W"],
    [{ name: "A", phone: "+442079460018", country: "GB", extension: "1".repeat(21) }, "extension", "extension is at most 20 characters"],
    [{ name: "A", phone: "+442079460018", country: "GB", callerId: "415 555 0123" }, "callerId", "caller ID must be a phone number in international form, like +14155550123"],
    [{ name: "A", phone: "+442079460018", country: "GB", callerId: "+1 415 555" }, "callerId", "caller ID must be a phone number in international form, like +14155550123"],
  ])("explains %j at %s", (draft, field, message) => {
    expect(messages(draft)[field]).toBe(message);
  });

  it("accepts DTMF extensions with pauses, star and hash", () => {
    expect(targetDraftSchema.parse({ name: "A", phone: "+14155550123", country: "US", extension: "ww123#*9" }).extension).toBe("ww123#*9");
  });

  it.each([
    ["+44 20 7946 0018", "US", "phone number is not valid for US; it looks like a GB number"],
    ["+1 415 555 0123", "GB", "phone number is not valid for GB; it looks like a US number"],
    ["+1 416 555 0123", "US", "phone number is not valid for US; it looks like a CA number"],
    ["+44 1534 555555", "GB", "phone number is not valid for GB; it looks like a JE number"],
  ])("refuses %s for %s: the number must belong to the target's country", (phone, country, message) => {
    expect(messages({ name: "A", phone, country }).phone).toBe(message);
  });

  it("reports every field's problem at once, not one at a time", () => {
    expect(messages({ name: "", phone: "+44 20 7946 0018", country: "US", extension: "x" })).toEqual({
      name: "name is required",
      extension: "extension may only contain digits, *, #, w and W",
    });
    expect(messages({ name: "", phone: "+44 20 7946 0018", country: "US" })).toEqual({
      name: "name is required",
      phone: "phone number is not valid for US; it looks like a GB number",
    });
  });

  it("doesn't judge the phone against a country that is itself wrong", () => {
    expect(messages({ name: "A", phone: "+14155550123", country: "UK" })).toEqual({ country: "country for the United Kingdom is GB, not UK" });
  });

  it("refuses attribute names that would read back as a field, or come twice", () => {
    expect(messages({ name: "A", phone: "+14155550123", country: "US", attributes: { Number: "12", State: "CA", state: "NY" } })).toEqual({
      "attributes.number": `"number" can't be an attribute name: a column called that is read as the phone number`,
      "attributes.state": `attribute "state" is given twice`,
    });
  });

  it("refuses something that isn't a target at all", () => {
    expect(messages("Diane Abbott")).toEqual({ "": "a target needs a name, a phone number and a country" });
  });
});

describe("toAttributeKey", () => {
  it.each([
    ["Postal Code", "postal_code"],
    [" postal_code ", "postal_code"],
    ["postalCode", "postal_code"],
    ["ZIP", "zip"],
    ["Région", "région"],
    ["US State / Territory", "us_state_territory"],
    ["???", ""],
  ])("%j → %j", (raw, key) => {
    expect(toAttributeKey(raw)).toBe(key);
    expect(toAttributeKey(key)).toBe(key);
  });
});

describe("validateTargets", () => {
  it("answers the normalised targets in order", () => {
    const result = validateTargets([
      { name: "Diane Abbott", phone: "020 7946 0018", country: "GB" },
      { name: "Nancy Pelosi", phone: "(415) 555-0123", country: "us" },
    ]);
    expect(result.ok && result.targets.map((t) => [t.name, t.phone, t.country])).toEqual([
      ["Diane Abbott", "+442079460018", "GB"],
      ["Nancy Pelosi", "+14155550123", "US"],
    ]);
  });

  it("points each error at its entry and field", () => {
    const result = validateTargets([
      { name: "Fine", phone: "+442079460018", country: "GB" },
      { name: "", phone: "+442079460991", country: "GB" },
      { name: "Wrong country", phone: "+442079460018", country: "US" },
      42,
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { index: 1, field: "name", message: "name is required" },
        { index: 2, field: "phone", message: "phone number is not valid for US; it looks like a GB number" },
        { index: 3, field: "target", message: "a target needs a name, a phone number and a country" },
      ],
    });
  });

  it("flags the second of two targets with the same phone and extension, however they were written", () => {
    const result = validateTargets([
      { name: "Switchboard", phone: "+44 20 7946 0018", country: "GB" },
      { name: "Press office", phone: "+442079460018", extension: "2", country: "GB" },
      { name: "Switchboard again", phone: "020 7946 0018", country: "gb" },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 2, field: "phone", message: "the same phone number and extension as row 1", duplicateOf: 0 }],
    });
  });

  it("accepts an empty list", () => {
    expect(validateTargets([])).toEqual({ ok: true, targets: [] });
  });
});

describe("assignIds", () => {
  const abbott = target({ id: "t-abbott", name: "Diane Abbott", phone: "+442079460018" });
  const ali = target({ id: "t-ali", name: "Rushanara Ali", phone: "+442079460991" });
  const pelosi = target({ id: "t-pelosi", name: "Nancy Pelosi", phone: "+14155550123", country: "US", attributes: { state: "CA" } });
  const existing = [abbott, ali, pelosi];
  const counter = () => {
    let n = 0;
    return () => `new-${++n}`;
  };

  it("keeps the id a draft carries and the order of the drafts", () => {
    const moved = { ...draftOf(abbott), phone: "+441614960123" };
    expect(assignIds(existing, [draftOf(pelosi), moved], counter())).toEqual([pelosi, { ...abbott, phone: "+441614960123" }]);
  });

  it("matches a draft without an id by phone and extension", () => {
    const [result] = assignIds(existing, [{ ...draftOf(ali, false), name: "Rushanara Ali MP" }], counter());
    expect(result).toEqual({ ...ali, name: "Rushanara Ali MP" });
  });

  it("doesn't match by phone when the extension differs", () => {
    expect(assignIds(existing, [{ ...draftOf(ali, false), extension: "12" }], counter())[0]?.id).toBe("new-1");
  });

  it("gives a new draft a new id, from crypto.randomUUID by default", () => {
    const fresh: NormalisedDraft = { ...draftOf(abbott, false), phone: "+12025550100", country: "US" };
    expect(assignIds(existing, [fresh], counter())[0]?.id).toBe("new-1");
    expect(assignIds(existing, [fresh])[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("never takes an id from the input", () => {
    const stranger: NormalisedDraft = { ...draftOf(abbott, false), id: "someone-elses-id", phone: "+12025550100", country: "US" };
    expect(assignIds(existing, [stranger], counter())[0]?.id).toBe("new-1");
  });

  it("still matches a draft with an unknown id by phone, as when importing another campaign's export", () => {
    expect(assignIds(existing, [{ ...draftOf(ali), id: "other-campaign-id" }], counter())[0]?.id).toBe("t-ali");
  });

  it("lets a draft that kept its id hold it against an earlier one that took its old phone", () => {
    // Abbott and Ali swap numbers; the file lists a new row with Ali's old number first.
    const newcomer: NormalisedDraft = { ...draftOf(ali, false), name: "New office" };
    const aliMoved: NormalisedDraft = { ...draftOf(ali), phone: "+441614960123" };
    expect(assignIds(existing, [newcomer, aliMoved], counter()).map((t) => t.id)).toEqual(["new-1", "t-ali"]);
  });

  it("gives a copied row (same id twice) a second id", () => {
    const copy: NormalisedDraft = { ...draftOf(abbott), phone: "+12125550199", country: "US" };
    expect(assignIds(existing, [draftOf(abbott), copy], counter()).map((t) => t.id)).toEqual(["t-abbott", "new-1"]);
  });

  it("doesn't share attribute objects with its input", () => {
    const draft = draftOf(pelosi);
    const [result] = assignIds(existing, [draft], counter());
    expect(result?.attributes).not.toBe(draft.attributes);
  });
});

describe("attribute names", () => {
  const targets = [
    target({ id: "1", attributes: { party: "Labour", constituency: "Hackney North" } }),
    target({ id: "2", attributes: { party: "Green", chamber: "Commons" } }),
  ];

  it("lists every attribute once, sorted", () => {
    expect(attributeNames(targets)).toEqual(["chamber", "constituency", "party"]);
    expect(attributeNames([])).toEqual([]);
  });

  it("names the drill-down attributes no target has", () => {
    expect(missingDrillDownAttributes(targets, ["party", "state", "Postal Code", "state"])).toEqual(["state", "Postal Code"]);
    expect(missingDrillDownAttributes(targets, ["Party", "chamber"])).toEqual([]);
  });
});
