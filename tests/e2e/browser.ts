import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (which downloads no browser of its own). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // This machine has no network: keep Chromium from trying its background services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
