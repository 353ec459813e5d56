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
    return run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Writes the page, whole, to docs/screenshots/<name>.png when KOM_SCREENSHOTS=1 (`npm run
 * screenshots`); otherwise does nothing: a full-page capture costs the browser work that every test
 * run would pay for pictures that change only with the app.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.KOM_SCREENSHOTS !== '1') return;
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

/**
 * Where the focus is, as "TAG text": once it has left the page's body, within a few seconds (a page
 * moves it in an effect after the render that took the focused button away). "BODY" if it never does.
 */
export async function focusedElement(page: Page): Promise<string> {
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body, undefined, { timeout: 5000 }).catch(() => undefined);
  return page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim().slice(0, 80)}`.trim());
}

/** Whether the element has the focus, or gets it within a few seconds (a page moves it after a render). */
export async function getsFocus(target: ReturnType<Page['locator']>): Promise<boolean> {
  return target.evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        const end = Date.now() + 5000;
        const check = () => (el === document.activeElement ? resolve(true) : Date.now() > end ? resolve(false) : void setTimeout(check, 25));
        check();
      }),
  );
}

/** The text of what describes an element (aria-describedby): a field's message is read with the field. */
export async function describedText(target: ReturnType<Page['locator']>): Promise<string> {
  return target.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
  );
}

export type { Browser, BrowserContext, Page };

/** A demo person's sign-in button on the embedded sign-in page. */
const signInButton = (page: Page, person: string) => page.getByRole('button', { name: new RegExp(`Logg inn som ${person}`) });

/** The browser's own field order for a date (what a person types into `<input type=date>`), for YYYY-MM-DD. */
export async function typedDate(page: Page, day: string): Promise<string> {
  return page.evaluate((iso) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(y, m - 1, d)).filter((p) => p.type !== 'literal').map((p) => p.value).join('');
  }, day);
}

export interface BrowserSuite {
  readonly t: import('../support/test-app').TestApp;
  readonly base: string;
  readonly browser: Browser;
  /**
   * A new browser context signed in as a demo person, on `path`: by the request the sign-in page's
   * button sends, or with `keyboard` on the sign-in page itself, by Tab and Enter.
   * With a suite clock, the page's clock is the server's (Playwright's clock, moved with setTime).
   */
  signIn(person: string, options?: { path?: string; keyboard?: boolean }): Promise<Page>;
  /** Moves the server's ManualClock and every open context's clock to the instant. */
  setTime(ms: number): Promise<void>;
  /** Closes the contexts, the browser and the application. */
  close(): Promise<void>;
}

/**
 * What every browser suite sets up: the application on a loopback port serving the built web app
 * (optionally with a ManualClock), one headless Chromium, and contexts signed in as demo people.
 */
export async function browserSuite(options: BrowserSuiteOptions = {}): Promise<BrowserSuite> {
  const { TestApp } = await import('../support/test-app');
  const t = await TestApp.start({ clock: options.clock, env: { KOM_WEB_DIR: WEB_DIST, KOM_DEMO_REPRESENTATIVES: 'true', ...options.env } });
  await t.listen();
  const { port } = t.app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const { browser, close: closeBrowser } = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    t,
    base,
    browser,
    async signIn(person, { path = '/', keyboard = false } = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      context.on('close', () => contexts.splice(contexts.indexOf(context), 1));
      if (options.clock) await context.clock.install({ time: options.clock.now() });
      const page = await context.newPage();
      if (!keyboard) {
        // What the sign-in page's button sends, sent by the context itself (its cookies are the
        // page's): one load of the app instead of two. The page is driven by the keyboard sign-ins.
        const { EMBEDDED_PEOPLE } = await import('@kom/auth'); // loaded already, with the application
        const userId = EMBEDDED_PEOPLE.find((p) => p.displayName === person)?.userId;
        if (!userId) throw new Error(`no demo person named ${person}`);
        const answer = await context.request.post(`${base}/auth/embedded/sign-in`, { data: { userId } });
        if (answer.status() !== 204) throw new Error(`sign-in as ${person} answered ${answer.status()}`);
        await page.goto(`${base}${path}`);
        // Signed in once the layout offers to sign out (a session the server did not take would
        // have sent the page to /sign-in instead).
        await page.getByRole('button', { name: 'Logg ut' }).waitFor();
        return page;
      }
      await page.goto(`${base}${path}`);
      await page.waitForURL(/\/sign-in/);
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      await tabTo(page, signInButton(page, person));
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      return page;
    },
    async setTime(ms) {
      if (!options.clock) throw new Error('this suite has no clock to move');
      options.clock.set(new Date(ms));
      await Promise.all(contexts.map((context) => context.clock.setSystemTime(ms)));
    },
    async close() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await closeBrowser();
      await t.stop();
    },
  };
}

export interface BrowserSuiteOptions {
  readonly clock?: import('@kom/platform').ManualClock;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A browser suite: `describe` with the application and Chromium started before its own set-up and
 * stopped before its own tear-down, or, where the browser cannot run, one skipped test that prints
 * why. `suite` is live from the suite's first beforeAll on. Options are read when the suite
 * starts, so a thunk may first start what the application needs to know about (a mail receiver).
 */
export function describeInBrowser(name: string, fn: (suite: BrowserSuite) => void): void;
export function describeInBrowser(
  name: string,
  options: BrowserSuiteOptions | (() => BrowserSuiteOptions | Promise<BrowserSuiteOptions>),
  fn: (suite: BrowserSuite) => void,
): void;
export function describeInBrowser(
  name: string,
  ...args: [(suite: BrowserSuite) => void] | [BrowserSuiteOptions | (() => BrowserSuiteOptions | Promise<BrowserSuiteOptions>), (suite: BrowserSuite) => void]
): void {
  const [options, fn] = args.length === 1 ? [{}, args[0]] : args;
  const skipReason = browserSkipReason();
  if (skipReason) {
    describe(name, () => {
      console.warn(`Browser suite skipped: ${skipReason}`);
      it.skip(`skipped: ${skipReason}`, () => undefined);
    });
    return;
  }
  describe(name, () => {
    let started: BrowserSuite | undefined;
    const live = (): BrowserSuite => {
      if (!started) throw new Error('the browser suite starts in beforeAll: use it there or in a test');
      return started;
    };
    const suite: BrowserSuite = {
      get t() { return live().t; },
      get base() { return live().base; },
      get browser() { return live().browser; },
      signIn: (person, signInOptions) => live().signIn(person, signInOptions),
      setTime: (ms) => live().setTime(ms),
      close: () => live().close(),
    };
    beforeAll(async () => {
      started = await browserSuite(typeof options === 'function' ? await options() : options);
    }, 120_000);
    // Registered before the suite's own hooks, so it runs before them: the browser and the application
    // stop first, then what they used (a mail receiver, a download folder).
    afterAll(async () => {
      await started?.close();
    });
    fn(suite);
  });
}
