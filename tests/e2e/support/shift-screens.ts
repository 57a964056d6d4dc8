import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';

/** What may differ between two runs and is not the screen's subject: notices that come and go. */
const steady = '.mantine-Notifications-root { display: none !important; }';

/**
 * A screenshot of the viewport (1366×768 unless told) for the README: animations stopped, no caret, no
 * passing notices, taken once the screen has settled. Written to docs/screenshots/ only with
 * UPDATE_SCREENSHOTS set, so a test run leaves the checkout as it found it.
 */
export async function screenshotForDocs(page: Page, name: string, size = { width: 1366, height: 768 }) {
  const file = path.join(test.info().config.rootDir, '..', '..', 'docs', 'screenshots', `${name}.png`);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const png = await page.screenshot({
    path: process.env.UPDATE_SCREENSHOTS ? file : undefined,
    animations: 'disabled',
    caret: 'hide',
    style: steady,
  });
  // PNG header: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size.width, size.height]);
}
