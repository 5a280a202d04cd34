import { describe, expect, it } from "vitest";
import { assignIds, type NormalisedDraft, type Target } from "./targets";
import { parseTargetsCsv, targetsToCsv } from "./targets-csv";

const csv = (...lines: string[]) => lines.join("\n");

function drafts(text: string): NormalisedDraft[] {
  const result = parseTargetsCsv(text);
  if (!result.ok) throw new Error(`expected the CSV to parse: ${JSON.stringify(result.errors)}`);
  return result.drafts;
}

function errors(text: string): string[] {
  const result = parseTargetsCsv(text);
  if (result.ok) throw new Error("expected the CSV to be refused");
  return result.errors.map((error) => error.message);
}

const targets: Target[] = [
  {
    id: "0b8f3a52-3c1e-4f57-9a43-5d0c2f3e1a01",
    name: "Diane Abbott",
    title: "MP for Hackney North and Stoke Newington",
    phone: "+442079460018",
    extension: "",
    country: "GB",
    callerId: "",
    attributes: { chamber: "Commons", constituency: "Hackney North", party: "Labour" },
    pinned: "",
  },
  {
    id: "0b8f3a52-3c1e-4f57-9a43-5d0c2f3e1a02",
    name: "José Muñoz-Müller",
    title: "Chair, Committee on \"Transport\"",
    phone: "+442079460991",
    extension: "ww12#",
    country: "GB",
    callerId: "+14155550123",
    attributes: { constituency: "Bethnal Green, Stepney", office_address: "1 Parliament St\nLondon SW1A 0AA" },
    pinned: "",
  },
  {
    id: "0b8f3a52-3c1e-4f57-9a43-5d0c2f3e1a03",
    name: "=HYPERLINK(\"http://example.org\")",
    title: "-",
    phone: "+14155550123",
    extension: "",
    country: "US",
    callerId: "",
    attributes: { party: "'@home", state: "CA" },
    pinned: "",
  },
];

describe("parseTargetsCsv", () => {
  it("reads a plain file into normalised drafts", () => {
    expect(drafts(csv("name,phone,country", "Diane Abbott,020 7946 0018,GB", "Nancy Pelosi,(415) 555-0123,us"))).toEqual([
      { name: "Diane Abbott", title: "", phone: "+442079460018", extension: "", country: "GB", callerId: "", attributes: {}, pinned: "" },
      { name: "Nancy Pelosi", title: "", phone: "+14155550123", extension: "", country: "US", callerId: "", attributes: {}, pinned: "" },
    ]);
  });

  it("ignores a UTF-8 byte order mark", () => {
    const [draft] = drafts("\uFEFFname,phone,country\r\nDiane Abbott,+442079460018,GB\r\n");
    expect(draft?.name).toBe("Diane Abbott");
  });

  it("keeps accents in names and attribute values", () => {
    const [draft] = drafts(csv("name,phone,country,Région,Partido", "Zoë Núñez-Müller,+34 912 345 678,ES,Île-de-France,Más País"));
    expect(draft).toMatchObject({ name: "Zoë Núñez-Müller", attributes: { région: "Île-de-France", partido: "Más País" } });
  });

  it("reads quoted commas, quotes and line breaks, and counts rows by record", () => {
    const text = csv(
      "name,title,phone,country,office_address",
      `"Abbott, Diane","MP for ""Hackney North""",+442079460018,GB,"House of Commons`,
      `London SW1A 0AA"`,
      "Rushanara Ali,,+442079460991,US,",
    );
    expect(errors(text)).toEqual(["row 3: phone number is not valid for US; it looks like a GB number"]);
    const [draft] = drafts(text.replace(/,US,$/, ",GB,"));
    expect(draft).toMatchObject({ name: "Abbott, Diane", title: 'MP for "Hackney North"', attributes: { office_address: "House of Commons\nLondon SW1A 0AA" } });
  });

  it("maps headers by alias, whatever their case and spacing", () => {
    const text = csv(" NAME ,Phone Number,Ext,Country Code,Caller ID,Title,ID", "Diane Abbott,020 7946 0018,12#,gb,+1 415 555 0123,MP,abc");
    expect(drafts(text)).toEqual([
      { id: "abc", name: "Diane Abbott", title: "MP", phone: "+442079460018", extension: "12#", country: "GB", callerId: "+14155550123", attributes: {}, pinned: "" },
    ]);
    expect(drafts(csv("Name,number,COUNTRY,callerid", "A,+442079460018,GB,"))[0]).toMatchObject({ phone: "+442079460018", callerId: "" });
  });

  it("turns every other column into an attribute, in snake_case, dropping empty values", () => {
    const text = csv("name,phone,country,State,Postal Code,chamberName,Party", "Nancy Pelosi,+14155550123,US,CA,94103,House,");
    expect(drafts(text)[0]?.attributes).toEqual({ state: "CA", postal_code: "94103", chamber_name: "House" });
  });

  it("reads the pinned column: call first, call last, or neither, and refuses anything else at its row", () => {
    const read = drafts(csv("name,phone,country,pinned", "A,+442079460018,GB,Call first", "B,+442079460019,GB, last", "C,+442079460020,GB,"));
    expect(read.map((draft) => draft.pinned)).toEqual(["first", "last", ""]);
    expect(errors(csv("name,phone,country,pinned", "A,+442079460018,GB,sometimes"))).toEqual(["row 2: pinned must be empty, first or last"]);
  });

  it("writes the pinned column only when a target is pinned, and reads it back unchanged", () => {
    expect(targetsToCsv(targets).split("\r\n")[0]).not.toContain("pinned");
    const pinned = targets.map((target, index) => ({ ...target, pinned: index === 0 ? ("first" as const) : index === 1 ? ("last" as const) : ("" as const) }));
    const text = targetsToCsv(pinned);
    expect(text.split("\r\n")[0]).toContain(",caller_id,pinned,");
    expect(drafts(text).map((draft) => draft.pinned)).toEqual(["first", "last", ""]);
  });

  it("skips blank lines but counts them, as a spreadsheet does", () => {
    const text = "name,phone,country\r\n\r\nDiane Abbott,+442079460018,GB\r\n,,\r\nNobody,12,GB\r\n\r\n";
    expect(errors(text)).toEqual(["row 5: phone number is not valid for GB"]);
  });

  it("reads files Excel saved with semicolons", () => {
    const [draft] = drafts(csv("name;phone;country;Région", "Zoë Dupont;+44 20 7946 0018;GB;Nord, Pas-de-Calais"));
    expect(draft).toMatchObject({ name: "Zoë Dupont", phone: "+442079460018", attributes: { région: "Nord, Pas-de-Calais" } });
  });

  it("answers every row's errors, with spreadsheet row numbers, and no drafts", () => {
    const text = csv(
      "name,phone,country,extension",
      "Diane Abbott,+442079460018,GB,",
      ",+442079460991,GB,",
      "Nancy Pelosi,+1 415 555 0123,UK,",
      "Chuck Schumer,+1 212 555 01,US,",
      "Ted Cruz,+1 202 555 0100,US,ext 5",
      "Ron Wyden,+44 20 7946 0018,US,",
    );
    expect(parseTargetsCsv(text)).toEqual({
      ok: false,
      errors: [
        { row: 3, message: "row 3: name is required" },
        { row: 4, message: "row 4: country for the United Kingdom is GB, not UK" },
        { row: 5, message: "row 5: phone number is not valid for US" },
        { row: 6, message: "row 6: extension may only contain digits, *, #, w and W" },
        { row: 7, message: "row 7: phone number is not valid for US; it looks like a GB number" },
      ],
    });
  });

  it("names the earlier row a duplicate repeats, in file rows", () => {
    const text = csv("name,phone,extension,country", "Switchboard,020 7946 0018,,GB", "", "Press office,020 7946 0018,2,GB", "Switchboard again,+44 20 7946 0018,,GB");
    expect(errors(text)).toEqual(["row 5: the same phone number and extension as row 2"]);
  });

  it("reports a missing required column once, on the header", () => {
    expect(errors(csv("Name,Telephone,Country", "Diane Abbott,+442079460018,GB", "Rushanara Ali,+442079460991,GB"))).toEqual([
      'row 1: the header has no "phone" column',
    ]);
    expect(errors(csv("title", "MP"))).toEqual([
      'row 1: the header has no "name" column',
      'row 1: the header has no "phone" column',
      'row 1: the header has no "country" column',
    ]);
  });

  it("refuses two columns for the same thing", () => {
    expect(errors(csv("name,phone,number,country,State,state", "A,+442079460018,,GB,,"))).toEqual([
      'row 1: the header has two "phone" columns ("phone" and "number"); keep one',
      'row 1: the header has two "state" columns ("State" and "state"); keep one',
    ]);
  });

  it("refuses a value under no heading, but not blank padding", () => {
    expect(drafts(csv("name,phone,country,,", "A,+442079460018,GB,,", "B,+442079460991,GB"))).toHaveLength(2);
    expect(errors(csv("name,phone,country,", "A,+442079460018,GB,,note", "B,+442079460991,GB,oops"))).toEqual([
      "row 2: column E has a value but no heading",
      "row 3: column D has a value but no heading",
    ]);
  });

  it("explains a broken quote instead of reading the rest of the file into one value", () => {
    const text = csv("name,phone,country", "Diane Abbott,+442079460018,GB", '"Ali, Rushanara,+442079460991,GB', "Nancy Pelosi,+14155550123,US");
    expect(errors(text)).toEqual(["row 3: a quoted value has no closing quote"]);
  });

  it("refuses an empty file and accepts a header with no rows", () => {
    expect(errors("")).toEqual(["row 1: the file is empty; it needs a header row with name, phone and country"]);
    expect(errors("\uFEFF\r\n")).toHaveLength(1);
    expect(parseTargetsCsv("name,phone,country\r\n")).toEqual({ ok: true, drafts: [] });
  });
});

describe("targetsToCsv", () => {
  it("writes the fields, then the attributes sorted, with a BOM and CRLF", () => {
    const text = targetsToCsv([targets[0]!]);
    expect(text).toBe(
      "\uFEFFid,name,title,phone,extension,country,caller_id,chamber,constituency,party\r\n" +
        "0b8f3a52-3c1e-4f57-9a43-5d0c2f3e1a01,Diane Abbott,MP for Hackney North and Stoke Newington,+442079460018,,GB,,Commons,Hackney North,Labour\r\n",
    );
  });

  it("keeps a spreadsheet from running a value as a formula", () => {
    const text = targetsToCsv([targets[2]!]);
    expect(text).toContain(`"'=HYPERLINK(""http://example.org"")",'-,+14155550123`);
    expect(text).toContain(",''@home,CA");
  });

  it("writes just the header for no targets", () => {
    expect(targetsToCsv([])).toBe("\uFEFFid,name,title,phone,extension,country,caller_id\r\n");
  });
});

describe("export then import", () => {
  it("gives back exactly the same targets: ids, order, values and attributes", () => {
    expect(assignIds(targets, drafts(targetsToCsv(targets)), () => "new")).toEqual(targets);
  });

  it("keeps ids stable when rows are reordered, edited, stripped of ids and added to", () => {
    const [abbott, munoz, third] = targets as [Target, Target, Target];
    // Muñoz's address holds a bare \n, so each record is still one CRLF line.
    const lines = targetsToCsv(targets).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    const header = lines[0]!;
    // Abbott's row keeps its id but gets a new phone; Muñoz's row loses its id column value
    // (pasted from elsewhere) but still has its phone and extension; a new row comes first.
    const abbottRow = lines[1]!.replace("+442079460018", "0161 496 0123");
    const munozRow = lines[2]!.replace(/^0b8f3a52-3c1e-4f57-9a43-5d0c2f3e1a02/, "");
    const newRow = ",New Target,,(212) 555-0199,,US,";
    const text = [header, newRow, munozRow, abbottRow, lines[3]!].join("\r\n");
    let next = 0;
    const result = assignIds(targets, drafts(text), () => `new-${++next}`);
    expect(result.map((t) => t.id)).toEqual(["new-1", munoz.id, abbott.id, third.id]);
    expect(result[2]).toEqual({ ...abbott, phone: "+441614960123" });
    expect(result[1]).toEqual(munoz);
    expect(result[0]).toMatchObject({ name: "New Target", phone: "+12125550199", country: "US", attributes: {} });
  });
});
