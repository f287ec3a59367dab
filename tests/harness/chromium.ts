/** Launches Debian's Chromium through playwright-core (no browser download on these machines). */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = process.env.QG_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests skip, or null when Chromium is there. Under CI=true a missing browser fails. */
export function chromiumMissing(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install it (Debian: apt-get install chromium) or set QG_CHROMIUM. Browser tests skipped.`;
  if (process.env.CI === 'true') throw new Error(message);
  return message;
}

/** A headless Chromium with the flags that work on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}
