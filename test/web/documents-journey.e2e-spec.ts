/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@kom/platform';
import { documentsScenario } from '../support/documents-scenario';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The documents KOM publishes, in a real browser: an NGO representative downloads a meeting's
 * agenda and subscribes to the reference group's meetings in a calendar (the address works without
 * signing in, and stops when revoked); an auditor downloads a selection of the decision register
 * and checks it, then a changed copy, in the web app. Every page is checked with axe-core in both
 * languages, and the calendar is also done with the keyboard only.
 */

const clock = new ManualClock('2027-01-04T08:00:00.000Z');

describeInBrowser('documents in the browser', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let downloads: string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    await documentsScenario(t, clock);
    downloads = mkdtempSync(join(tmpdir(), 'kom-documents-'));
  }, 120_000);
  afterAll(async () => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function signIn(page: Page, who: RegExp, path: string) {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: who }).click();
    await page.waitForURL(`${base}${path}`);
  }

  it('downloads an agenda and follows the reference group in a calendar, until the address is stopped', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, /Logg inn som Rita Rosa/, '/publications');
    await page.getByRole('heading', { level: 1, name: 'Dokumenter' }).waitFor();
    const january = page.getByRole('row', { name: /Prosjektgruppemøte januar/ });
    await january.getByRole('link', { name: 'Saksliste som PDF: Prosjektgruppemøte januar' }).waitFor();
    // The minutes of January were approved in February; the draft-only meeting shows nothing.
    await january.getByRole('link', { name: 'Referat som PDF: Prosjektgruppemøte januar' }).waitFor();
    expect(await page.getByRole('row', { name: /Prosjektgruppemøte mars/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'documents');

    // A PDF opens in the browser (inline); the link carries the session, no token.
    const href = (await january.getByRole('link', { name: 'Saksliste som PDF: Prosjektgruppemøte januar' }).getAttribute('href'))!;
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline; filename="kom-agenda-.*-nb-p\d+\.pdf"/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await Promise.all([page.waitForURL(/\/documents\/agenda\.pdf\?/), january.getByRole('link', { name: 'Saksliste som PDF: Prosjektgruppemøte januar' }).click()]);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Dokumenter' }).waitFor();

    await page.getByRole('link', { name: 'Kalender', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kalenderabonnement' }).waitFor();
    await page.getByText('Du har ingen kalenderabonnementer.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Møter du vil følge').selectOption('REFERENCE_GROUP');
    await page.getByRole('button', { name: 'Lag adressen' }).click();
    const address = page.getByLabel('Adresse for abonnementet');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${base}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    await expectAccessible(page);
    await screenshot(page, 'calendar-feed-made');

    // A calendar program fetches it without any session; it is a real iCalendar.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Shown once: after a reload only the list remains, and the secret is nowhere on the page.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Kalenderabonnement' }).waitFor();
    expect(await page.content()).not.toContain(url.split('/').pop()!);
    await page.getByRole('button', { name: /Stopp abonnementet: / }).click();
    const dialog = page.getByRole('dialog', { name: 'Stoppe abonnementet?' });
    await dialog.getByText('slutter å virke med en gang').waitFor();
    await dialog.getByRole('button', { name: 'Stopp abonnementet' }).click();
    await page.getByText(/^Stoppet /).waitFor();
    expect((await fetch(url)).status).toBe(404);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar subscriptions' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Documents', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);

  it('makes a calendar address with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/publications/calendar`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Nora Noas/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/publications/calendar`);
    await tabTo(page, page.getByRole('button', { name: 'Lag adressen' }));
    await page.keyboard.press('Enter');
    const address = page.getByLabel('Adresse for abonnementet');
    await address.waitFor();
    expect((await fetch(await address.inputValue())).status).toBe(200);
    await tabTo(page, page.getByRole('button', { name: /Stopp abonnementet: / }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('dialog').getByRole('button', { name: 'Stopp abonnementet' }));
    await page.keyboard.press('Enter');
    await page.getByText(/^Stoppet /).waitFor();
    await context.close();
  }, 120_000);

  it('lets an auditor download a selection of the register and check it, and see a changed copy refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, /Logg inn som Aud Revisor/, '/audit/decisions');
    await page.getByLabel('Tiltak', { exact: true }).selectOption('34');
    await page.getByText('Last ned utvalget:').waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    const file = join(downloads, 'register.csv');
    await csv.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('KOM anbefaler samarbeidsavtaler i alle politidistrikt.');
    expect(text).not.toContain('Rapporten skrives av sekretariatet.'); // measure 6, filtered out
    // A measure of an earlier plan: the page and the file the page offers both filter by it.
    await page.getByLabel('Tiltak', { exact: true }).selectOption('2006-2009:1');
    await page.waitForURL(/[?&]measure=2006-2009%3A1/);
    await page.getByText('Ingen vedtak passer til filtrene. Fjern ett eller flere filtre.').waitFor();
    expect(await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')).toMatch(/[?&]measure=1&plan=2006-2009&/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Kontroller et dokument', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontroller et dokument' }).waitFor();
    await expectAccessible(page);
    // Sent without a file: the field says so.
    await page.getByRole('button', { name: 'Kontroller', exact: true }).click();
    await page.getByText('Velg et dokument.').waitFor();
    expect(await page.getByLabel('Dokument', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Dokument', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Kontroller', exact: true }).click();
    await page.getByRole('heading', { name: 'Dokumentet er uendret' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-verify-document');

    const changed = join(downloads, 'register-changed.csv');
    writeFileSync(changed, text.replace('alle politidistrikt', 'noen politidistrikt'));
    await page.getByLabel('Dokument', { exact: true }).setInputFiles(changed);
    await page.getByRole('button', { name: 'Kontroller', exact: true }).click();
    await page.getByRole('heading', { name: 'Dokumentet er endret' }).waitFor();
    await page.getByText('noen politidistrikt').first().waitFor();

    const stampless = join(downloads, 'notes.csv');
    writeFileSync(stampless, 'a,b\n1,2\n');
    await page.getByLabel('Dokument', { exact: true }).setInputFiles(stampless);
    await page.getByRole('button', { name: 'Kontroller', exact: true }).click();
    await page.getByText('Filen har ikke et gyldig stempel fra KOM-plattformen.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check a document' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Documents', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);
});
