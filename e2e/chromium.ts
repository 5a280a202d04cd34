const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** How every spec launches Chromium (playwright.config.ts); a spec that needs more (a fake microphone) adds to these. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // Without these, Chromium keeps trying Google's services, which this
  // network refuses; --no-sandbox is needed only when running as root.
  args: [
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
