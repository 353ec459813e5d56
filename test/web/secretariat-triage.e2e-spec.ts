/// <reference lib="dom" />
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, focusedElement, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The secretariat's issue triage in a real browser: the queue filtered in the URL, an issue placed
 * on a reference-group meeting and forwarded once the meeting is held, one declined after a
 * confirmation (and once refused by a concurrent change that keeps the reason typed), a duplicate
 * merged into its original, the forwarded issues' standing; a decline by keyboard only. axe-core on
 * every page in both languages.
 */
const HOUR = 3600_000;

const start = Math.floor(Date.now() / HOUR) * HOUR;
const clock = new ManualClock(new Date(start).toISOString());

// The clock moves a few hours on while a meeting is held: the session outlives that.
describeInBrowser("the secretariat's issue triage in the browser", { clock, env: { KOM_SESSION_IDLE_MINUTES: '600' } }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let rosa: string;
  const ids: Record<string, string> = {};
  let referenceMeeting = '';

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => t.data(query, variables, token);
  const submit = async (key: string, title: string, citedMeasures: number[] = [], citedMeasureRefs: Array<{ plan: string; number: number }> = []) => {
    const data = await gql('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
      input: { organizationId: 'org-rosa', title, description: 'Beskrivelse uten personopplysninger.', category: 'IDENTIFICATION_AND_ASSISTANCE', citedMeasures, citedMeasureRefs },
    }, rosa);
    ids[key] = data.submitIssue.id;
  };
  const schedule = async (kind: string, title: string, startsAt: number) =>
    (await gql('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
      input: { kind, title, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * HOUR).toISOString(), location: 'Politidirektoratet, Oslo' },
    }, secretariat)).scheduleMeeting.id as string;
  const place = (issueId: string, meetingId: string) => gql('mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { id } }', { input: { issueId, meetingId } }, secretariat);
  const hold = async (meetingId: string, at: number) => {
    await gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId } }, secretariat);
    clock.set(new Date(at + 5 * 60_000));
    await gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId, organizationIds: ['org-rosa'] } }, secretariat);
  };
  const status = async (issueId: string) => (await gql('query($id: ID!) { issue(id: $id) { status } }', { id: issueId }, secretariat)).issue.status as string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    // E went through the reference group and is on the project group's agenda.
    await submit('E', 'Bistand til ofre for tvangsarbeid i landbruket', [17]);
    const r0 = await schedule('REFERENCE_GROUP', 'Referansegruppen, ekstramøte', start + HOUR / 2);
    await place(ids.E!, r0);
    await hold(r0, start + HOUR / 2);
    await gql('mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { id } }', { input: { issueId: ids.E, decision: 'Sendes prosjektgruppen.' } }, secretariat);
    const p1 = await schedule('PROJECT_GROUP', 'Prosjektgruppemøte desember', start + 48 * HOUR);
    await place(ids.E!, p1);
    referenceMeeting = await schedule('REFERENCE_GROUP', 'Referansegruppemøte desember', start + 2 * HOUR);
    await submit('H', 'Rutiner fra den første handlingsplanen', [], [{ plan: '2006-2009', number: 1 }]);
    await submit('A', 'Krisesenterplasser i øst', [17]);
    await submit('B', 'Fulle krisesentre på Østlandet');
    await submit('C', 'Tolk ved avhør');
    await submit('D', 'Arbeidsutnyttelse i restaurantbransjen', [6]);
    await submit('F', 'Informasjon på flere språk');
    await submit('G', 'Oppfølging etter refleksjonsperioden');
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }
  const openIssue = async (page: Page, title: string) => {
    await page.goto(`${base}/secretariat/issues`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };

  it('filters the queue, places, forwards, declines, merges a duplicate and shows where forwarded issues stand', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}/secretariat/calendar`);
    await page.getByRole('link', { name: 'Saker til behandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker til behandling' }).waitFor();
    await page.getByRole('link', { name: 'Tolk ved avhør' }).waitFor();
    // Newest first.
    const titles = await page.getByRole('table').getByRole('link').allTextContents();
    expect(titles.slice(0, 2)).toEqual(['Oppfølging etter refleksjonsperioden', 'Informasjon på flere språk']);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-triage-queue');

    // The filter lives in the URL.
    await page.getByLabel('Tiltak').selectOption('17');
    await page.waitForURL(/measure=17/);
    await page.getByRole('link', { name: 'Tolk ved avhør' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Krisesenterplasser i øst' }).waitFor();
    expect((await page.getByRole('table').getByRole('link').allTextContents()).sort()).toEqual(['Bistand til ofre for tvangsarbeid i landbruket', 'Krisesenterplasser i øst']);
    // A measure of an earlier plan, in the URL as plan:number.
    await page.getByLabel('Tiltak').selectOption('2006-2009:1');
    await page.waitForURL(/measure=2006-2009%3A1/);
    await page.getByRole('link', { name: 'Rutiner fra den første handlingsplanen' }).waitFor();
    expect(await page.getByRole('table').getByRole('link').allTextContents()).toEqual(['Rutiner fra den første handlingsplanen']);
    // A link naming a measure no plan has: the filter says what it filters on, over an empty queue,
    // instead of showing "every measure" above nothing.
    await page.goto(`${base}/secretariat/issues?measure=99`);
    await page.getByText('Ingen saker passer.').waitFor();
    await page.getByLabel('Tiltak').locator('option:checked', { hasText: 'Tiltak 99 (finnes ikke i handlingsplanene)' }).waitFor({ state: 'attached' });
    await expectAccessible(page);
    await page.getByLabel('Tiltak').selectOption('17');
    await page.getByRole('link', { name: 'Krisesenterplasser i øst' }).waitFor();
    // It was one choice among the others, not a new one in the list.
    expect(await page.getByLabel('Tiltak').locator('option', { hasText: 'finnes ikke' }).count()).toBe(0);
    await page.getByLabel('Status').selectOption('ON_PROJECT_AGENDA');
    await page.waitForURL(/status=ON_PROJECT_AGENDA/);
    await page.getByRole('link', { name: 'Krisesenterplasser i øst' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Fjern filtrene' }).click();

    // Place D before the reference group; once the meeting is held, forward it (the decision is asked for at its field).
    await openIssue(page, 'Arbeidsutnyttelse i restaurantbransjen');
    await page.getByRole('button', { name: 'Sett på sakslisten' }).click();
    await page.getByText('Velg et møte.').waitFor();
    await page.getByLabel('Møte i referansegruppen').selectOption(referenceMeeting);
    await page.getByRole('button', { name: 'Sett på sakslisten' }).click();
    await page.getByText('Saken står nå på sakslisten til Referansegruppemøte desember.').waitFor();
    expect(await status(ids.D!)).toBe('ON_REFERENCE_AGENDA');
    await hold(referenceMeeting, start + 2 * HOUR);
    await page.reload();
    await page.getByRole('heading', { name: 'Send videre til prosjektgruppen' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send videre', exact: true }).click();
    await page.getByText('Skriv vedtaket.').waitFor();
    await page.getByLabel('Vedtak', { exact: true }).fill('Referansegruppen ber prosjektgruppen se på arbeidsutnyttelse i restaurantbransjen.');
    await page.getByRole('button', { name: 'Send videre', exact: true }).click();
    await page.getByText('Saken er sendt videre til prosjektgruppen.').waitFor();
    expect(await status(ids.D!)).toBe('FORWARDED');

    // Decline C: a reason first, then a confirmation naming the issue.
    await openIssue(page, 'Tolk ved avhør');
    await page.getByRole('button', { name: 'Avvis …' }).click();
    await page.getByText('Skriv en begrunnelse.').waitFor();
    await page.getByLabel('Begrunnelse til organisasjonen').fill('Gjelder domstolene, ikke KOM.');
    await page.getByRole('button', { name: 'Avvis …' }).click();
    const decline = page.getByRole('dialog', { name: 'Avvise «Tolk ved avhør»?' });
    await decline.getByText(/ROSA-prosjektet får beskjed/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-triage-decline');
    await decline.getByRole('button', { name: 'Avvis saken' }).click();
    await page.getByText('«Tolk ved avhør» er avvist.').waitFor();
    expect(await status(ids.C!)).toBe('CLOSED');

    // A concurrent change refuses the decline, says what changed, and keeps the reason typed.
    await openIssue(page, 'Informasjon på flere språk');
    await page.getByLabel('Begrunnelse til organisasjonen').fill('Dekkes av tiltak 12.');
    await page.getByRole('button', { name: 'Avvis …' }).click();
    await page.getByRole('dialog', { name: 'Avvise «Informasjon på flere språk»?' }).waitFor();
    const r2 = await schedule('REFERENCE_GROUP', 'Referansegruppemøte januar', start + 30 * 24 * HOUR);
    await place(ids.F!, r2);
    await page.getByRole('dialog', { name: 'Avvise «Informasjon på flere språk»?' }).getByRole('button', { name: 'Avvis saken' }).click();
    await page.getByText(/Saken ble endret mens du arbeidet med den. Den har nå status «På referansegruppens saksliste»/).waitFor();
    expect(await page.getByLabel('Begrunnelse til organisasjonen').inputValue()).toBe('Dekkes av tiltak 12.');
    expect(await status(ids.F!)).toBe('ON_REFERENCE_AGENDA');
    await expectAccessible(page);
    // Declined elsewhere before the second try: no form is left, so the page says nothing was saved and shows the reason read-only.
    await gql('mutation($input: CloseIssueInput!) { closeIssue(input: $input) { id } }', { input: { issueId: ids.F, reason: 'Avvist i et annet vindu.' } }, secretariat);
    await page.getByRole('button', { name: 'Avvis …' }).click();
    await page.getByRole('dialog', { name: 'Avvise «Informasjon på flere språk»?' }).getByRole('button', { name: 'Avvis saken' }).click();
    await page.getByText(/har nå status «Avsluttet». Den kan ikke behandles videre, så ingenting ble lagret./).waitFor();
    const kept = page.getByLabel('Det du skrev (ikke lagret)');
    expect([await kept.inputValue(), await kept.getAttribute('readonly')]).toEqual(['Dekkes av tiltak 12.', '']);
    expect(await page.getByRole('button', { name: 'Avvis …' }).count()).toBe(0);
    await expectAccessible(page);

    // Merge B into A: the duplicate is closed pointing to A, which lists it.
    await openIssue(page, 'Fulle krisesentre på Østlandet');
    await page.getByLabel('Saken denne er et duplikat av').selectOption(ids.A!);
    await page.getByLabel('Begrunnelse', { exact: true }).fill('Samme spørsmål som «Krisesenterplasser i øst».');
    await page.getByRole('button', { name: 'Merk som duplikat …' }).click();
    const merge = page.getByRole('dialog', { name: 'Merke «Fulle krisesentre på Østlandet» som duplikat?' });
    await merge.getByText(/peker til «Krisesenterplasser i øst»/).waitFor();
    await expectAccessible(page);
    await merge.getByRole('button', { name: 'Merk som duplikat' }).click();
    await page.getByText('«Fulle krisesentre på Østlandet» er merket som duplikat av «Krisesenterplasser i øst».').waitFor();
    await page.getByRole('link', { name: 'Krisesenterplasser i øst' }).click();
    await page.getByRole('heading', { name: 'Duplikater av denne saken' }).waitFor();
    await page.getByRole('link', { name: 'Fulle krisesentre på Østlandet' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-triage-original');

    // Where the forwarded issues stand.
    await page.goto(`${base}/secretariat/issues?view=forwarded`);
    await page.getByText(/På sakslisten: Prosjektgruppemøte desember/).waitFor();
    await page.getByText('Ikke satt på prosjektgruppens saksliste ennå').waitFor();
    expect((await page.getByRole('table').getByRole('link').allTextContents()).sort()).toEqual(['Arbeidsutnyttelse i restaurantbransjen', 'Bistand til ofre for tvangsarbeid i landbruket']);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-triage-forwarded');

    // Every page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(/On the agenda: Prosjektgruppemøte desember/).waitFor();
    await expectAccessible(page);
    await page.goto(`${base}/secretariat/issues`);
    await page.getByRole('heading', { level: 1, name: 'Issue triage' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Oppfølging etter refleksjonsperioden' }).click();
    await page.getByRole('heading', { name: 'Merge into another issue (duplicate)' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Decline …' }).click();
    await page.getByText('Write a reason.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 240_000);

  it('declines an issue with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/secretariat/issues`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/secretariat/issues`);
    await tabTo(page, page.getByRole('link', { name: 'Oppfølging etter refleksjonsperioden' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Oppfølging etter refleksjonsperioden' }).waitFor();
    await tabTo(page, page.getByLabel('Begrunnelse til organisasjonen'));
    await page.keyboard.type('Besvart i møtet i november.');
    await tabTo(page, page.getByRole('button', { name: 'Avvis …' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Avvise «Oppfølging etter refleksjonsperioden»?' });
    await tabTo(page, dialog.getByRole('button', { name: 'Avvis saken' }));
    await page.keyboard.press('Enter');
    await page.getByText('«Oppfølging etter refleksjonsperioden» er avvist.').waitFor();
    expect(await status(ids.G!)).toBe('CLOSED');
    // The closed issue offers no decline any more: the focus goes to the page's heading, not to the start of the page.
    await page.getByRole('button', { name: 'Avvis …' }).waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toBe('H1 Oppfølging etter refleksjonsperioden');
    await context.close();
  }, 120_000);
});
