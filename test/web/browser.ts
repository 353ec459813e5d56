/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.KOM_CHROMIUM ?? '/usr/bin/chromium';
export const WEB_DIST = resolve(__dirname, '../../apps/web/dist');
export const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Why the browser suite cannot run here, or undefined when it can. */
export function browserSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (install Debian's chromium or set KOM_CHROMIUM)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'the web app is not built (npm run web:build)';
  return undefined;
}

/**
 * One headless Chromium per suite; contexts are cheap, browsers are not. Playwright gives every
 * launch a fresh temporary --user-data-dir of its own and removes it on close.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return { browser, close: () => browser.close() };
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; the violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A dialog fading in is half transparent: contrast is judged on what stays, not on a frame of it.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 5000 }).catch(() => undefined);
  const axe = (await import('axe-core')).default as { source: string };
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until the element has focus: proves it is reachable by keyboard, in tab order. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`not reachable with Tab in ${max} presses: ${target}`);
}

export type { Browser, BrowserContext, Page };
