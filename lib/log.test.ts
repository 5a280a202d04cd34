import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskConsole, maskPhoneNumber, maskPhoneNumbers } from "./log";

function memorySink() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { sink, lines };
}

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

  it("masks numbers written into URLs", () => {
    expect(maskPhoneNumbers("/dev/phone/api/numbers/%2B447700900089?to=%2b14155550123")).toBe("/dev/phone/api/numbers/%2B4477******89?to=%2b1415*****23");
  });
});

describe("createLogger", () => {
  it("writes JSON lines with numbers masked in the message and the fields", () => {
    const { sink, lines } = memorySink();
    createLogger(sink, "info").info({ member: "+447700900089" }, "dialling +14155550123");
    const entry = JSON.parse(lines[0]!);
    expect(entry.member).toBe("+4477******89");
    expect(entry.msg).toBe("dialling +1415*****23");
    expect(entry.level).toBe("info");
  });
});

describe("errors in the log", () => {
  // What drizzle throws when PostgreSQL refuses a query: the driver's error, with its code and detail, is the cause.
  function failedQuery() {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "calls_pkey"'), {
      code: "23505",
      detail: "Key (member_phone)=(+447700900089) already exists.",
      severity: "ERROR",
    });
    return Object.assign(new Error("Failed query: insert into calls values ($1)\nparams: +447700900089", { cause: driverError }), {
      query: "insert into calls values ($1)",
      params: ["+447700900089"],
    });
  }

  it("keep the cause with PostgreSQL's code and detail, masked", () => {
    const { sink, lines } = memorySink();
    createLogger(sink, "info").error({ err: failedQuery() }, "call failed");
    const { err } = JSON.parse(lines[0]!);
    expect(err.cause).toMatchObject({ code: "23505", severity: "ERROR", detail: "Key (member_phone)=(+4477******89) already exists." });
    expect(err.params).toEqual(["+4477******89"]);
    expect(err.message).toContain("params: +4477******89");
    expect(lines[0]).not.toContain("+447700900089");
  });

  it("are masked when the framework prints them to the console", () => {
    const printed: string[] = [];
    const record = (...args: unknown[]) => void printed.push(args.join(" "));
    const target = { log: record, info: record, warn: record, error: record, debug: record, trace: record };
    maskConsole(target);
    target.error("⨯", failedQuery());
    target.log("calling %s", "+14155550123");
    expect(printed.join("\n")).not.toMatch(/\+447700900089|\+14155550123/);
    expect(printed[0]).toContain("Failed query");
    expect(printed[0]).toContain("23505");
    expect(printed[1]).toBe("calling +1415*****23");
  });
});
