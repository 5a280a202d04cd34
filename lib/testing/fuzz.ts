import fc from "fast-check";

/**
 * fast-check's settings for every fuzz test (vitest and Playwright): a
 * modest number of runs so the suite stays quick, FUZZ_RUNS for a longer
 * hunt, and FUZZ_SEED (with FUZZ_PATH) to replay the failure a report names:
 *
 *   FUZZ_SEED=1234 FUZZ_PATH=5:1 npx playwright test e2e/security/fuzz.spec.ts
 */
export function fuzzParameters<T>(runs: number): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Number(process.env.FUZZ_RUNS ?? runs),
    ...(seed ? { seed: Number(seed), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) } : {}),
  };
}

/** Text people and attackers send: anything, and the classics (NUL, bad encodings, injections, odd spaces, ids that are not). */
export const oddText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "%ff",
      "%00",
      "\u3000",
      "\n\r\t",
      "../../etc/passwd",
      "<script>alert(1)</script>",
      "'; drop table calls; --",
      "-".repeat(36),
      "0".repeat(36),
      "00000000-0000-0000-0000-000000000000",
      "constructor",
      "__proto__",
      "😀".repeat(40),
      "x".repeat(5000),
      "+447700900123",
      "+44 20 7946 0999",
      "020 7946 0999",
      "+1 900 555 0100",
      "NaN",
      "-1",
      "1e309",
    ),
  );

/** A JSON value of any shape. */
export const anyJson = (): fc.Arbitrary<unknown> => fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddText());
