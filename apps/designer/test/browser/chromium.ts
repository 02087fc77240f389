// Browser tests drive the machine's own Chromium (Debian's `chromium` package; .ci/run installs
// it): playwright-core never downloads a browser. CHROMIUM_PATH names another build, e.g. on macOS.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return chromium.launch({
    executablePath,
    // Chromium refuses to sandbox itself as root, as in CI containers.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    timeout: 60_000,
  });
}
