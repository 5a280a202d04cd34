import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPhoneNumber, maskPhoneNumbers } from "./log";

describe("maskPhoneNumber", () => {
  it("keeps the first four and last two digits", () => {
    expect(maskPhoneNumber("+447700900089")).toBe("+4477******89");
    expect(maskPhoneNumber("+14155550123")).toBe("+1415*****23");
  });
});

describe("maskPhoneNumbers", () => {
  it("masks numbers inside strings, nested objects and arrays", () => {
    const masked = maskPhoneNumbers({
      msg: "calling +447700900089 now",
      payload: { To: "+14155550123", list: ["+33612345678"] },
      count: 3,
    });
    expect(masked).toEqual({
      msg: "calling +4477******89 now",
      payload: { To: "+1415*****23", list: ["+3361*****78"] },
      count: 3,
    });
  });

  it("leaves short digit runs alone", () => {
    expect(maskPhoneNumbers("code +1234 and 42")).toBe("code +1234 and 42");
  });
});

describe("createLogger", () => {
  it("writes JSON lines with numbers masked in the message and the fields", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    createLogger(sink, "info").info({ member: "+447700900089" }, "dialling +14155550123");
    const entry = JSON.parse(lines[0]!);
    expect(entry.member).toBe("+4477******89");
    expect(entry.msg).toBe("dialling +1415*****23");
    expect(entry.level).toBe("info");
  });
});
