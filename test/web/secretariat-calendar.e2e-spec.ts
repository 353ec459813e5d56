/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The secretariat's meeting calendar in a real browser: a monthly series made after seeing its
 * dates, one meeting moved, the rest of the series cancelled with a reason after seeing which, the
 * month view; a single meeting by keyboard only. axe-core on every state in both languages.
 */
const DAY = 24 * 3600_000;
const osloDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(ms));

describeInBrowser("the secretariat's calendar in the browser", (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('makes a monthly series after seeing its dates, moves one meeting and cancels the rest', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}/secretariat/calendar`);
    await page.getByRole('heading', { level: 1, name: 'Møtekalender' }).waitFor();
    await expectAccessible(page);

    // A date in the past is refused at its field before anything is sent.
    await page.getByLabel('Tittel').fill('Referansegruppemøte');
    await page.getByLabel('Dato').last().fill(osloDay(Date.now() - 3 * DAY));
    await page.getByRole('button', { name: 'Se over og beram' }).click();
    await page.getByText('Et møte kan ikke berammes tilbake i tid.').waitFor();

    const first = osloDay(Date.now() + 14 * DAY);
    await page.getByLabel('Organ').selectOption('REFERENCE_GROUP');
    await page.getByLabel('Sted').fill('Politidirektoratet, Oslo');
    await page.getByLabel('Dato').last().fill(first);
    await page.getByRole('checkbox', { name: 'Gjenta hver måned' }).check();
    await page.getByLabel('Til og med').fill(osloDay(Date.parse(`${first}T12:00:00Z`) + 75 * DAY));
    await page.getByRole('button', { name: 'Se over og beram' }).click();
    const confirm = page.getByRole('dialog', { name: /Beramme 3 møte\(r\)\?/ });
    await confirm.getByRole('listitem').nth(2).waitFor();
    expect(await confirm.getByRole('listitem').count()).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-series-confirm');
    await confirm.getByRole('button', { name: 'Beram 3 møte(r)' }).click();
    await page.getByText('3 møte(r) er berammet.').waitFor();
    const series = await t.data('{ meetings(first: 10) { edges { node { id seriesIndex kind status } } } }', {}, await t.token('AUDITOR', 'org-pod', 'aud'));
    expect(series.meetings.edges.map((e: { node: { seriesIndex: number; kind: string } }) => [e.node.seriesIndex, e.node.kind])).toEqual([
      [0, 'REFERENCE_GROUP'], [1, 'REFERENCE_GROUP'], [2, 'REFERENCE_GROUP'],
    ]);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-calendar');

    // Move the first one hour later.
    await page.getByRole('button', { name: 'Flytt Referansegruppemøte' }).first().click();
    await page.getByRole('heading', { name: 'Flytt Referansegruppemøte' }).waitFor();
    await page.getByRole('form').filter({ has: page.getByRole('heading', { name: 'Flytt Referansegruppemøte' }) }).getByLabel('Starter').fill('10:00');
    await page.getByRole('form').filter({ has: page.getByRole('heading', { name: 'Flytt Referansegruppemøte' }) }).getByLabel('Slutter').fill('12:00');
    await page.getByRole('button', { name: 'Flytt møtet' }).click();
    await page.getByText(/er flyttet til/).waitFor();

    // Cancel the second and the rest of the series: the dialog lists which before anything happens.
    await page.getByRole('button', { name: 'Avlys Referansegruppemøte' }).nth(1).click();
    const cancel = page.getByRole('dialog', { name: 'Avlyse?' });
    await cancel.getByRole('radio', { name: 'Dette og resten av serien (2 møter)' }).check();
    expect(await cancel.getByRole('listitem').count()).toBe(2);
    await cancel.getByLabel('Begrunnelse').fill('Referansegruppen møtes heller i fellesmøtet.');
    await expectAccessible(page);
    await cancel.getByRole('button', { name: 'Avlys 2 møte(r)' }).click();
    await page.getByText('2 møte(r) er avlyst.').waitFor();
    const after = await t.data('{ meetings(first: 10) { edges { node { seriesIndex status } } } }', {}, await t.token('AUDITOR', 'org-pod', 'aud'));
    expect(after.meetings.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['SCHEDULED', 'CANCELLED', 'CANCELLED']);

    await page.getByText('Måned', { exact: true }).click();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting calendar' }).waitFor();
    await expectAccessible(page);
    await page.getByText('List', { exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);

  it('schedules one meeting with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/secretariat/calendar`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/secretariat/calendar`);
    await tabTo(page, page.getByLabel('Tittel'));
    await page.keyboard.type('Prosjektgruppemøte, ekstra');
    const day = osloDay(Date.now() + 20 * DAY);
    const typed = await page.evaluate((iso) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(y, m - 1, d)).filter((p) => p.type !== 'literal').map((p) => p.value).join('');
    }, day);
    await tabTo(page, page.getByLabel('Dato').last());
    await page.keyboard.type(typed);
    expect(await page.getByLabel('Dato').last().inputValue()).toBe(day);
    await tabTo(page, page.getByLabel('Sted'));
    await page.keyboard.type('Politidirektoratet, Oslo');
    await tabTo(page, page.getByRole('button', { name: 'Se over og beram' }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: /Beramme 1 møte\(r\)\?/ });
    await tabTo(page, confirm.getByRole('button', { name: 'Beram 1 møte(r)' }));
    await page.keyboard.press('Enter');
    await page.getByText('1 møte(r) er berammet.').waitFor();
    await context.close();
  }, 120_000);
});
