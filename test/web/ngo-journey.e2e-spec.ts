/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { generatedNationalIdNumber } from '@kom/issues/testing';
import { ManualClock } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp } from '../support/test-app';
import type { WebSocketRoute } from 'playwright-core';
import { accessibilityViolations, describedText, describeInBrowser, focusedElement, getsFocus, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The NGO representative's journey in a real browser against the real API serving the built web
 * app: raise an issue (a national identity number refused, then corrected), follow it while the
 * secretariat places and forwards it, and see each change arrive live, also one made while the page
 * had lost its live connection, once that is back. Every page is checked
 * with axe-core (WCAG 2.1 A and AA) in both languages, and the journey is done again by keyboard.
 */

const clock = new ManualClock('2026-03-02T08:00:00.000Z');

describeInBrowser('the NGO representative in the browser', { clock, env: { KOM_SESSION_IDLE_MINUTES: '600' } }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let labels: Record<string, { nb: string; en: string }>;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    const values = (await t.data('{ enumValues(enum: "IssueStatus") { key nb en } }', {}, secretariat)).enumValues as Array<{ key: string; nb: string; en: string }>;
    labels = Object.fromEntries(values.map((v) => [v.key, v]));
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function signInAsRosa(page: Page, path = '/ngo/issues') {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: /Logg inn som Rita Rosa/ }).click();
    await page.waitForURL(`${base}${path}`);
  }

  async function secretariatPlacesOnReferenceAgenda(issueId: string, startsAt = '2026-03-02T09:00:00Z'): Promise<string> {
    const meeting = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind: 'REFERENCE_GROUP', title: 'Referansegruppen mars', startsAt, endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting.id as string;
    ok(await t.gql('mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { id } }', { input: { issueId, meetingId: meeting } }, secretariat));
    return meeting;
  }

  async function secretariatForwards(issueId: string, meetingId: string) {
    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId } }, secretariat));
    clock.set(new Date('2026-03-02T09:05:00Z'));
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId, organizationIds: ['org-rosa', 'org-noas'] } }, secretariat));
    ok(await t.gql('mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { id } }', { input: { issueId, decision: 'Sendes til prosjektgruppen' } }, secretariat));
  }

  it('raises an issue, is refused a national identity number, corrects it and follows the issue live', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAsRosa(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await page.getByRole('heading', { level: 1, name: 'Våre saker' }).waitFor();
    await page.getByText('Dere har ikke meldt inn noen saker ennå.').waitFor();
    await expectAccessible(page);
    expect(await page.title()).toBe('Våre saker – KOM-plattformen');

    await page.getByRole('button', { name: 'Meld inn en ny sak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meld inn en sak' }).waitFor();
    const fnr = generatedNationalIdNumber(12, 4, 1987);
    await page.getByLabel('Tittel').fill('Ventetid på krisesenterplass');
    await page.getByLabel('Beskrivelse').fill(`Et offer (${fnr}) ventet i tre uker på plass.`);
    await page.getByLabel('Område').selectOption('IDENTIFICATION_AND_ASSISTANCE');
    await page.getByRole('searchbox', { name: 'Søk i tiltakene' }).fill('17');
    await page.getByRole('checkbox', { name: /^Tiltak 17:/ }).check();
    // The light check warns while typing; the server is the authority and refuses on send.
    await page.getByText('Teksten ser ut til å inneholde et fødselsnummer').waitFor();
    await page.getByRole('button', { name: 'Send inn saken' }).click();
    const description = page.getByLabel('Beskrivelse');
    await page.getByText('Plattformen lagrer ikke personopplysninger om enkeltpersoner').waitFor();
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await description.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    expect(described.join(' ')).toContain('Plattformen lagrer ikke personopplysninger');
    await expectAccessible(page);
    await screenshot(page, 'raise-issue-refused');

    // Nothing typed is lost: the draft survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meld inn en sak' }).waitFor();
    expect(await page.getByLabel('Tittel').inputValue()).toBe('Ventetid på krisesenterplass');
    expect(await page.getByRole('checkbox', { name: /^Tiltak 17:/ }).isChecked()).toBe(true);

    // A measure of an earlier plan: its plan folds away until opened, and its measure names its plan.
    await page.getByRole('searchbox', { name: 'Søk i tiltakene' }).fill('');
    expect(await page.getByRole('checkbox', { name: /^Tiltak 1:.*demo-ordlyd/ }).count()).toBe(0);
    await page.getByText('Stopp menneskehandelen (2006–2009) (1 tiltak)').click();
    await page.getByRole('group', { name: 'Stopp menneskehandelen (2006–2009)' }).getByRole('checkbox', { name: /^Tiltak 1:/ }).check();
    await expectAccessible(page);

    await page.getByLabel('Beskrivelse').fill('Et offer ventet i tre uker på plass; krisesentrene i øst er fulle.');
    await page.getByRole('button', { name: 'Send inn saken' }).click();
    await page.waitForURL(/\/ngo\/issues\/[0-9a-f-]{36}$/);
    const issueId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Ventetid på krisesenterplass' }).waitFor();
    await page.getByText('17, 1 (2006–2009)', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: labels.SUBMITTED.nb }).waitFor();
    await page.getByText('Oppdateres fortløpende.').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'issue-submitted');

    // The secretariat acts elsewhere; each change of status appears here without a reload.
    const meetingId = await secretariatPlacesOnReferenceAgenda(issueId);
    await page.getByRole('status').filter({ hasText: labels.ON_REFERENCE_AGENDA.nb }).waitFor({ timeout: 15_000 });
    await secretariatForwards(issueId, meetingId);
    await page.getByRole('status').filter({ hasText: labels.FORWARDED.nb }).waitFor({ timeout: 15_000 });
    await page.getByText('Sendt videre til prosjektgruppen').waitFor();
    await page.getByRole('button', { name: 'Trekk saken' }).waitFor({ state: 'detached' });
    await screenshot(page, 'issue-forwarded');

    // English, remembered; every label from the server's English names.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').filter({ hasText: labels.FORWARDED.en }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'issue-forwarded-en');

    await page.getByRole('link', { name: 'Our issues', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Our issues' }).waitFor();
    await page.getByRole('link', { name: 'Ventetid på krisesenterplass' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'our-issues-en');
    // The filter by measure offers every plan's measures, a group per plan, the newest first.
    const byMeasure = page.getByLabel('Measure', { exact: true });
    expect(await byMeasure.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual([
      "The Government's Action Plan against Human Trafficking (2011–2014)",
      'Stop Human Trafficking (2006–2009)',
    ]);
    await byMeasure.selectOption({ label: 'Measure 1 (2006–2009): Establish the Coordination Unit for Victims of Trafficking (KOM) (demo wording)' });
    await page.getByRole('link', { name: 'Ventetid på krisesenterplass' }).waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(1);
    await expectAccessible(page);
    // Measure 1 of 2011–2014 is another measure, which the issue does not cite.
    await byMeasure.selectOption('1');
    await page.getByText('No issue matches the filter. Choose "Every" to see all issues.').waitFor();
    await byMeasure.selectOption('17');
    await page.getByRole('link', { name: 'Ventetid på krisesenterplass' }).waitFor();
    await byMeasure.selectOption('');
    await page.getByRole('link', { name: 'Raise an issue', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Raise an issue' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Agreements', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    // ROSA is party to the agreement Vestfold police district signed in 2019 (seeded).
    await page.getByText('Samarbeidsavtale om bistand til ofre for menneskehandel i Vestfold').first().waitFor();
    await expectAccessible(page);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements');
    await page.goto(`${base}/ngo/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();
    await expectAccessible(page);
    await context.close();
  }, 180_000);

  it('pages through more issues than one page holds', async () => {
    const noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'demo-noas');
    for (let i = 1; i <= 27; i++) {
      // A minute apart, so "newest first" is one order.
      clock.set(new Date(Date.parse('2026-03-02T10:00:00Z') + i * 60_000));
      ok(await t.gql('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
        input: { organizationId: 'org-noas', title: `Sak nummer ${i}`, description: 'Rutiner for tolk i avhør.', category: 'IDENTIFICATION_AND_ASSISTANCE' },
      }, noas));
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ngo/issues`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Nora Noas/ }).click();
    await page.waitForURL(`${base}/ngo/issues`);
    const rows = () => page.locator('table tbody tr').count();
    await page.getByRole('link', { name: 'Sak nummer 27', exact: true }).waitFor();
    expect(await rows()).toBe(25);
    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.getByRole('link', { name: 'Sak nummer 1', exact: true }).waitFor();
    expect(await rows()).toBe(2);
    expect(await page.getByRole('button', { name: 'Neste side' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Forrige side' }).click();
    await page.getByRole('link', { name: 'Sak nummer 27', exact: true }).waitFor();
    expect(await rows()).toBe(25);
    await context.close();
  }, 120_000);

  it('brings a live page up to date once its lost connection is back', async () => {
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
    const issueId = ok(
      await t.gql('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
        input: { organizationId: 'org-rosa', title: 'Tolk på krisesenteret om natten', description: 'Ingen tolk etter klokken 22.', category: 'IDENTIFICATION_AND_ASSISTANCE' },
      }, rosa),
    ).submitIssue.id as string;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The page's live socket goes through a route the test can cut, as a dropped network or a
    // restarting server would: open sockets are closed, new ones refused, until it is restored.
    let cut = false;
    const open = new Set<WebSocketRoute>();
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (cut) return void socket.close({ code: 1001, reason: 'Going away' });
      socket.connectToServer();
      open.add(socket);
      socket.onClose(() => open.delete(socket));
    });
    await signInAsRosa(page, `/ngo/issues/${issueId}`);
    await page.getByRole('status').filter({ hasText: labels.SUBMITTED.nb }).waitFor();
    await page.getByText('Oppdateres fortløpende.').first().waitFor();

    cut = true;
    await Promise.all([...open].map((socket) => socket.close({ code: 1001, reason: 'Going away' })));
    await page.getByText('Oppdateres fortløpende.').waitFor({ state: 'detached' });
    // The secretariat places the issue while no push can reach the page.
    await secretariatPlacesOnReferenceAgenda(issueId, '2026-03-16T09:00:00Z');
    expect(await page.getByRole('status').filter({ hasText: labels.SUBMITTED.nb }).count()).toBe(1);

    // Back: the page reads again what it shows, so the change made meanwhile appears.
    cut = false;
    await page.getByRole('status').filter({ hasText: labels.ON_REFERENCE_AGENDA.nb }).waitFor({ timeout: 30_000 });
    await page.getByText('Oppdateres fortløpende.').first().waitFor();
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it('does the same with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ngo/issues/new`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    // The skip link is the first stop and shows where focus is.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none' && el.getBoundingClientRect().width > 10)).toBe(true);
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Rita Rosa/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/ngo/issues/new`);
    await page.getByRole('heading', { level: 1, name: 'Meld inn en sak' }).waitFor();

    await tabTo(page, page.getByLabel('Tittel'));
    await page.keyboard.type('Tolk ved avhør');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Tolken kjente offeret, ${generatedNationalIdNumber(3, 9, 1990)}.`);
    await tabTo(page, page.getByLabel('Område'));
    await page.keyboard.press('ArrowDown');
    await tabTo(page, page.getByRole('button', { name: 'Send inn saken' }));
    await page.keyboard.press('Enter');
    await page.getByText('Plattformen lagrer ikke personopplysninger om enkeltpersoner').waitFor();
    // The server's refusal at the field takes the focus there, so the reason is read with the field (3.3.1, 4.1.3).
    const description = page.getByLabel('Beskrivelse');
    expect(await getsFocus(description)).toBe(true);
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(description)).toContain('Plattformen lagrer ikke personopplysninger');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Tolken kjente offeret fra før; vi trenger rutiner for habilitet.');
    await tabTo(page, page.getByRole('button', { name: 'Send inn saken' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ngo\/issues\/[0-9a-f-]{36}$/);
    const issueId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Tolk ved avhør' }).waitFor();
    // As in the first journey: the page follows the issue before the secretariat acts on it.
    await page.getByText('Oppdateres fortløpende.').first().waitFor();

    await secretariatPlacesOnReferenceAgenda(issueId, '2026-03-09T09:00:00Z');
    await page.getByRole('status').filter({ hasText: labels.ON_REFERENCE_AGENDA.nb }).waitFor({ timeout: 15_000 });

    // Withdrawing asks first, says what happens, and is done by keyboard too.
    await tabTo(page, page.getByRole('button', { name: 'Trekk saken' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Trekke saken?' });
    await dialog.getByText('kan ikke åpnes igjen').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'withdraw-confirmation');
    // The reason is required: confirming without one asks for it at the field, which takes the focus.
    const reason = dialog.getByLabel('Begrunnelse');
    expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).required)).toBe(true);
    await tabTo(page, dialog.getByRole('button', { name: 'Trekk saken' }));
    await page.keyboard.press('Enter');
    await dialog.getByText('Skriv en begrunnelse.').waitFor();
    expect(await getsFocus(reason)).toBe(true);
    expect(await describedText(reason)).toContain('Skriv en begrunnelse.');
    await page.keyboard.type('Tatt opp direkte med politiet.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: labels.WITHDRAWN.nb }).waitFor({ timeout: 15_000 });
    // The withdraw button went with the step: the focus goes to the page's heading, not to the start of the page.
    await page.getByRole('button', { name: 'Trekk saken' }).waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toBe('H1 Tolk ved avhør');
    await context.close();
  }, 180_000);
});
