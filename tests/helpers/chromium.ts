/**
 * Debian's Chromium for the browser tests, driven by playwright-core. Without it the browser tests
 * skip with a message, unless CI=true: there a test of their own fails, so CI never passes them by
 * skipping.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';

import { CHROMIUM_ARGS as ARGS, CHROMIUM } from '../../bench/chromium.ts';

export { CHROMIUM };

/**
 * Whether the browser tests named `what` can run here. Says why when they cannot, and adds a
 * test that fails under CI=true when Chromium is missing.
 */
export function chromiumFor(what: string): boolean {
  const available = existsSync(CHROMIUM);
  const inCI = process.env.CI === 'true';
  if (!available && !inCI) {
    console.warn(
      `${what} skipped: ${CHROMIUM} not found (install it with "apt-get install chromium"; with CI=true they are required).`,
    );
  }
  describe(`${what}: prerequisites`, () => {
    test.runIf(inCI)('Chromium is installed in CI', () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is required when CI=true`).toBe(true);
    });
  });
  return available;
}

/** A headless Chromium with the flags every browser test uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
