/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '@kom/audit';
import { ManualClock } from '@kom/platform';
import { runOperatorCli } from '../support/cli';
import { supersededDecisionScenario, type SupersededDecisionScenario } from '../support/superseded-decision-scenario';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The auditor's journey in a real browser against the real API serving the built web app: find a
 * decision in the register, read it as it stood on an earlier date, download its evidence bundle
 * and verify it offline with the command the page shows; run the whole-log verification; page and
 * filter the audit trail. Every page is checked with axe-core (WCAG 2.1 A and AA) in both
 * languages, and the journey is done again by keyboard only.
 */

const clock = new ManualClock('2026-01-04T08:00:00.000Z');

describeInBrowser('the auditor in the browser', { clock, env: { KOM_SESSION_IDLE_MINUTES: '600' } }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let s: SupersededDecisionScenario;
  let keyId: string;
  let downloads: string;
  const ORIGINAL = 'Felles rutiner for identifisering innføres i 2027.';

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    s = await supersededDecisionScenario(t, clock);
    keyId = (await t.data('{ auditPublicKey { keyId } }', {}, await t.token('AUDITOR', 'org-pod', 'revisor'))).auditPublicKey.keyId as string;
    downloads = mkdtempSync(join(tmpdir(), 'kom-downloads-'));
  }, 120_000);
  afterAll(async () => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Saves what a click downloads, then verifies it offline twice: the library, and the CLI command the page shows. */
  async function downloadAndVerify(page: Page, click: () => Promise<void>, name: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = join(downloads, name);
    const failure = await download.failure();
    if (failure) throw new Error(`download of ${download.url()} failed: ${failure}`);
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(verifyBundle(text, { expectedKeyId: keyId })).toMatchObject({ valid: true, unprovenEvents: 0 });
    const shown = await page.locator('pre code').filter({ hasText: 'verify --bundle' }).first().innerText();
    expect(shown).toBe(`npm run kom -- verify --bundle bundle.jsonl --key-id ${keyId}`);
    const cli = await runOperatorCli(downloads, ['verify', '--bundle', file, '--key-id', keyId]);
    expect(cli.code).toBe(0);
    return text;
  }

  it('finds a decision, reads it as it stood, downloads its evidence and checks the whole log', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Aud Revisor/ }).click();
    await page.waitForURL(`${base}/audit/decisions`);
    await page.getByRole('heading', { level: 1, name: 'Vedtaksregister' }).waitFor();
    await page.getByRole('link', { name: ORIGINAL }).waitFor();
    expect(await page.title()).toBe('Vedtaksregister – KOM-plattformen');
    await expectAccessible(page);
    await screenshot(page, 'audit-decisions');

    // The register filters on the server: by status, then by meeting; the URL keeps the view.
    await page.getByLabel('Status').selectOption('SUPERSEDED');
    await page.getByRole('link', { name: /innføres i 2028/ }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: ORIGINAL }).waitFor();
    expect(page.url()).toContain('status=SUPERSEDED');
    await page.getByLabel('Møte', { exact: true }).selectOption(s.secondMeeting);
    await page.getByText('Ingen vedtak passer til filtrene.').waitFor();
    await page.getByRole('button', { name: 'Fjern alle filtre' }).click();
    await page.getByRole('link', { name: /innføres i 2028/ }).waitFor();
    await page.getByLabel('Fattet fra og med').fill('2026-02-01');
    await page.getByRole('link', { name: ORIGINAL }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /innføres i 2028/ }).waitFor();
    await page.getByRole('button', { name: 'Fjern alle filtre' }).click();

    await page.getByRole('link', { name: ORIGINAL }).click();
    await page.getByRole('heading', { level: 1, name: 'Vedtakets historikk' }).waitFor();
    await page.getByText('Du ser vedtaket slik det står i dag.').waitFor();
    await page.getByText('Erstattet', { exact: true }).waitFor();
    const positions = page.getByRole('table');
    await positions.getByRole('row', { name: /Arbeids- og velferdsdirektoratet Støtter/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-decision');

    // As it stood on 15 January: still in force, and NAV objecting with its reason.
    await page.getByLabel('Slik det sto per').fill('2026-01-15');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.getByText('Du ser vedtaket slik det sto ved slutten av 15. januar 2026.').waitFor();
    expect(page.url()).toContain('asOf=2026-01-15');
    await page.getByText('Gjeldende', { exact: true }).waitFor();
    await positions.getByRole('row', { name: /Arbeids- og velferdsdirektoratet Har innsigelse Ressursene kommer først i 2028\./ }).waitFor();
    expect(await page.getByText('Erstattet', { exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'audit-decision-as-of');
    // A day before it was taken, there was nothing to read; a date in the future is refused at the field.
    await page.getByLabel('Slik det sto per').fill('2026-01-10');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vedtaket var ikke fattet per 10. januar 2026' }).waitFor();
    await page.getByLabel('Slik det sto per').fill('2099-01-01');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.getByText('Datoen kan ikke være etter i dag.').waitFor();
    expect(await page.getByLabel('Slik det sto per').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Vis slik det står i dag' }).click();
    await page.getByText('Du ser vedtaket slik det står i dag.').waitFor();

    // The bundle signs a checkpoint first: afterwards every step shows its proof.
    await downloadAndVerify(page, () => page.getByRole('link', { name: 'Last ned bevisfilen for vedtaket (JSON Lines)' }).click(), 'decision.jsonl');
    await page.reload();
    await page.getByText(/hendelser i loggen, (\d+) av dem bevist/).waitFor();
    const intro = await page.getByText(/hendelser i loggen, (\d+) av dem bevist/).innerText();
    const [, count, covered] = /(\d+) hendelser i loggen, (\d+) av dem/.exec(intro)!;
    expect(covered).toBe(count);
    await page.getByText(/bevist i et signert kontrollpunkt$/).first().click();
    await page.getByText('Signert rot').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-decision-proof');

    // Integrity: run the whole-log check and see its outcome; a bundle for January.
    await page.getByRole('link', { name: 'Integritet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Integritet' }).waitFor();
    await page.getByText(keyId).first().waitFor();
    await page.getByRole('button', { name: 'Start kontrollen' }).click();
    await page.getByRole('heading', { name: 'Loggen er hel' }).waitFor({ timeout: 30_000 });
    await expectAccessible(page);
    await screenshot(page, 'audit-integrity');
    await page.getByLabel('Fra og med').fill('2026-01-01');
    await page.getByLabel('Til og med').fill('2026-01-31');
    await page.getByRole('button', { name: 'Lag lenke til bevisfilen' }).click();
    const january = await downloadAndVerify(page, () => page.getByRole('link', { name: /Last ned bevisfilen for 2026-01-01 til 2026-01-31/ }).click(), 'january.jsonl');
    expect(january).not.toContain('DecisionSuperseded');

    // The audit trail: filter by type, page through the log.
    await page.getByRole('link', { name: 'Revisjonsspor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisjonsspor' }).waitFor();
    await page.getByText('Side 1', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.getByText('Side 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Forrige side' }).click();
    await page.getByText('Side 1', { exact: true }).waitFor();
    await page.getByLabel('Hendelsestype').selectOption('DecisionSuperseded');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByRole('table').getByText('DecisionSuperseded').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-trail');

    // English, every page.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await expectAccessible(page);
    for (const [link, heading] of [['Integrity', 'Integrity'], ['Decision register', 'Decision register']] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page);
    }
    await page.getByRole('link', { name: ORIGINAL }).click();
    await page.getByRole('heading', { level: 1, name: 'Decision history' }).waitFor();
    await page.getByText('Superseded', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-decision-en');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 240_000);

  it('does the same with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/audit/decisions`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Aud Revisor/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/audit/decisions`);
    await page.getByRole('link', { name: ORIGINAL }).waitFor();

    await tabTo(page, page.getByLabel('Status'));
    await page.keyboard.press('End'); // the last status: revoked; none is
    await page.getByText('Ingen vedtak passer til filtrene.').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Fjern alle filtre' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: ORIGINAL }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vedtakets historikk' }).waitFor();

    await tabTo(page, page.getByLabel('Slik det sto per'));
    // A date field takes its parts in the browser's own order (day first in Norway, month first in the US).
    const typed = await page.evaluate(() =>
      new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric' })
        .formatToParts(new Date(2026, 0, 15))
        .filter((part) => part.type !== 'literal')
        .map((part) => part.value)
        .join(''),
    );
    await page.keyboard.type(typed);
    expect(await page.getByLabel('Slik det sto per').inputValue()).toBe('2026-01-15');
    await tabTo(page, page.getByRole('button', { name: 'Vis', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText('Du ser vedtaket slik det sto ved slutten av 15. januar 2026.').waitFor();

    // A proof opens from the keyboard; the download link is reachable and works with Enter.
    await tabTo(page, page.locator('summary').first());
    await page.keyboard.press('Enter');
    await page.getByText('Hendelsestype').first().waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Last ned bevisfilen for vedtaket (JSON Lines)' }), 200);
    await downloadAndVerify(page, () => page.keyboard.press('Enter'), 'keyboard.jsonl');

    await tabTo(page, page.getByRole('link', { name: 'Integritet', exact: true }), 200);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Integritet' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Start kontrollen' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Loggen er hel' }).waitFor({ timeout: 30_000 });
    await context.close();
  }, 240_000);
});
