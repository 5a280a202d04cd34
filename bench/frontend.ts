import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function gzippedSize(url: string): Promise<number> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return gzipSync(body).length;
}

/** The scripts a page's HTML loads (what a browser fetches before the page is interactive). */
export async function pageScripts(url: string): Promise<string[]> {
  const html = await (await fetch(url)).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!);
  // noModule polyfills are not fetched by the browsers we measure.
  const noModule = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*noModule/gi)].map((match) => match[1]!));
  return [...new Set(sources.filter((source) => !noModule.has(source)))];
}

/**
 * First-load JavaScript, gzipped, of a page and of a blank page in the same
 * build: the chunks every App Router page loads (build-manifest
 * rootMainFiles), which is what a page with no client code of its own costs.
 */
export async function firstLoadJs(origin: string, pagePath: string, distDir: string): Promise<{ page_kb: number; blank_kb: number; extra_kb: number }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const blank = manifest.rootMainFiles.map((file) => `/_next/${file}`);
  const page = await pageScripts(`${origin}${pagePath}`);
  const sizes = new Map<string, number>();
  for (const script of new Set([...blank, ...page])) sizes.set(script, await gzippedSize(new URL(script, origin).toString()));
  const sum = (list: string[]) => list.reduce((total, script) => total + (sizes.get(script) ?? 0), 0);
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { page_kb: kb(sum(page)), blank_kb: kb(sum(blank)), extra_kb: kb(sum(page) - sum(blank.filter((script) => page.includes(script)))) };
}

type LighthouseRun = { performance: number; lcp_ms: number; tbt_ms: number; cls: number };

/** Runs per page: one Lighthouse run swings by a second on LCP (whether the paint lands before or after the scripts run), so the bench reports the median, as Lighthouse's docs advise. */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Lighthouse's mobile performance score and LCP (its default: emulated mid-range phone, simulated slow 4G): the median of several runs, with their range. */
export async function lighthouseMobile(url: string): Promise<LighthouseRun & { runs: number; lcp_range_ms: [number, number]; performance_range: [number, number] }> {
  const runs: LighthouseRun[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await lighthouseOnce(url));
  const of = (key: keyof LighthouseRun) => runs.map((run) => run[key]);
  return {
    performance: Math.round(median(of("performance"))),
    lcp_ms: Math.round(median(of("lcp_ms"))),
    tbt_ms: Math.round(median(of("tbt_ms"))),
    cls: median(of("cls")),
    runs: runs.length,
    lcp_range_ms: [Math.min(...of("lcp_ms")), Math.max(...of("lcp_ms"))],
    performance_range: [Math.min(...of("performance")), Math.max(...of("performance"))],
  };
}

async function lighthouseOnce(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
    const lhr = result!.lhr;
    return {
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      lcp_ms: Math.round(lhr.audits["largest-contentful-paint"]!.numericValue ?? 0),
      tbt_ms: Math.round(lhr.audits["total-blocking-time"]!.numericValue ?? 0),
      cls: Number((lhr.audits["cumulative-layout-shift"]!.numericValue ?? 0).toFixed(3)),
    };
  } finally {
    chrome.kill();
  }
}
