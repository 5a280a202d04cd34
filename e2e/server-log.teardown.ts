import fs from "node:fs";
import { expect, test } from "./fixtures";

// A phone number written out: "+" (or its URL encoding) and 8 to 15 digits, maybe spaced or punctuated.
// The masking logger writes "+4477******89", which this does not match.
const PHONE_NUMBER = /(?:\+|%2B)\s?\d(?:[\s().-]?\d){7,14}/gi;

// Runs after every other e2e test (the "server log" project).
test("the server's log of the whole e2e run holds no unmasked phone number", async () => {
  const file = process.env.E2E_SERVER_LOG!;
  const log = fs.readFileSync(file, "utf8");
  expect(log.length, `${file} is empty: did the server write its log there?`).toBeGreaterThan(0);
  const leaks = log.split("\n").filter((line) => line.match(PHONE_NUMBER));
  expect(leaks.map((line) => line.slice(0, 300))).toEqual([]);
});
