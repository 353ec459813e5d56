/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, type Page } from './browser';

/**
 * Pages opened from a link the app did not make: a date in the URL that the calendar lacks is
 * answered at its field, in the page's language, inside the layout (never React Router's screen
 * for developers); a page that fails to load says so in the layout; a page of another role's area
 * says whose it is instead of a form the server would refuse or a "check your connection"; and an
 * NGO opening another organisation's issue is told so, not that the connection is lost.
 */
const now = Date.now();
const clock = new ManualClock(new Date(now - 24 * 3600_000).toISOString());

describeInBrowser('links the app did not make, and pages of another role', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let decisionId: string;
  let noasIssue: string;

  beforeAll(async () => {
    ({ t, base } = suite);
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const ok = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);
    const meetingId = (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
      kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte nå', startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), location: 'Oslo',
    })).scheduleMeeting.id;
    const item = (await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { meetingId, title: 'Rutiner' })).addAgendaItem.agenda[0].id;
    await ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });
    clock.set(new Date(now));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds: ['org-udi'] });
    decisionId = (await ok('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', { meetingId, agendaItemId: item, text: 'Rutinene samordnes.' })).recordDecision.id;
    const noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'demo-noas');
    noasIssue = (await ok('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
      organizationId: 'org-noas', title: 'NOAS sin sak', description: 'Bare for NOAS.', category: 'IDENTIFICATION_AND_ASSISTANCE',
    }, noas)).submitIssue.id;
  }, 120_000);

  /** The page as a person finds it: its heading, the app's menu, and nothing from React Router's developer screen. */
  async function laidOut(page: Page, heading: string | RegExp) {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('navigation', { name: /Hovedmeny|Main menu/ }).waitFor();
    expect(await page.getByText(/Unexpected Application Error|Hey developer/).count()).toBe(0);
  }

  it('answers a date the calendar lacks at its field, on every page that reads one, in both languages', async () => {
    const page = await suite.signIn('Aud Revisor');
    const cases: Array<[string, string, string]> = [
      ['/audit/trail?from=2026-13-01', 'Revisjonsspor', '2026-13-01'],
      ['/audit/trail?to=2026-99-01', 'Revisjonsspor', '2026-99-01'],
      ['/audit/decisions?from=2026-00-10', 'Vedtaksregister', '2026-00-10'],
      ['/audit/decisions?to=2026-02-30', 'Vedtaksregister', '2026-02-30'],
      [`/audit/decisions/${decisionId}?asOf=2026-13-01`, 'Vedtakets historikk', '2026-13-01'],
      // 30 February is not 2 March.
      [`/audit/decisions/${decisionId}?asOf=2026-02-30`, 'Vedtakets historikk', '2026-02-30'],
      ['/audit/decisions/nope?asOf=9999-99-99', 'Vi finner ikke dette vedtaket', '9999-99-99'],
    ];
    for (const [path, heading, value] of cases) {
      await page.goto(`${base}${path}`);
      await laidOut(page, heading);
      await page.getByText(`«${value}» i lenken er ikke en dato som finnes. Velg en dato.`).waitFor();
    }
    // A day still to come is refused as the field refuses it, and the decision is shown as it stands.
    await page.goto(`${base}/audit/decisions/${decisionId}?asOf=2999-01-01`);
    await laidOut(page, 'Vedtakets historikk');
    await page.getByText('Datoen kan ikke være etter i dag.').waitFor();
    await page.getByText('Du ser vedtaket slik det står i dag.').waitFor();
    expect(await page.getByLabel('Slik det sto per').inputValue()).toBe('2999-01-01');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${base}/audit/trail?from=2026-13-01`);
    await laidOut(page, 'Audit trail');
    await page.getByText('“2026-13-01” in the link is not a date that exists. Choose a date.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.context().close();

    const siri = await suite.signIn('Siri Sekretariat', { path: '/secretariat/registers/groups?group=PROJECT_GROUP&asOf=2026-13-01' });
    await laidOut(siri, 'Gruppenes medlemmer');
    await siri.getByText('«2026-13-01» i lenken er ikke en dato som finnes. Listen viser medlemmene i dag.').waitFor();
    await siri.context().close();
  }, 120_000);

  it('shows a page that fails to load as a translated page in the layout, not the developer screen', async () => {
    const page = await suite.signIn('Aud Revisor');
    // The audit trail's code cannot be fetched (a deploy replaced it, the network broke).
    await page.route(/\/assets\/trail\.page-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${base}/audit/trail`);
    await laidOut(page, 'Siden kunne ikke vises');
    await page.getByRole('button', { name: 'Last inn siden på nytt' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await laidOut(page, 'The page could not be shown');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.context().close();
  }, 60_000);

  it('tells a person opening another role’s page whose page it is, with no form and no network error', async () => {
    const rita = await suite.signIn('Rita Rosa', { path: '/secretariat/issues' });
    await laidOut(rita, 'Denne siden er ikke for din rolle');
    await rita.getByText('Siden er for KOM-sekretariatet. Du er logget inn som Representant for frivillig organisasjon for ROSA-prosjektet.').waitFor();
    expect(await rita.getByRole('form').count()).toBe(0);
    expect(await accessibilityViolations(rita)).toEqual([]);
    await rita.goto(`${base}/audit/integrity`);
    await laidOut(rita, 'Denne siden er ikke for din rolle');
    expect(await rita.getByRole('button', { name: /Kontroller/ }).count()).toBe(0);
    await rita.context().close();

    const aud = await suite.signIn('Aud Revisor', { path: '/publications/calendar' });
    await laidOut(aud, 'Denne siden er ikke for din rolle');
    expect(await aud.getByText(/nettforbindelsen/).count()).toBe(0);
    await aud.goto(`${base}/notifications/webhooks`);
    await laidOut(aud, 'Denne siden er ikke for din rolle');
    await aud.context().close();
  }, 60_000);

  it('tells an NGO that another organisation’s issue is not theirs, not that the connection is lost', async () => {
    const rita = await suite.signIn('Rita Rosa', { path: `/ngo/issues/${noasIssue}` });
    await laidOut(rita, 'Saken hører til en annen organisasjon');
    expect(await rita.getByText('NOAS sin sak').count()).toBe(0);
    expect(await rita.getByText(/Forbindelsen er brutt/).count()).toBe(0);
    expect(await accessibilityViolations(rita)).toEqual([]);
    await rita.context().close();
  }, 60_000);

  it('does not let a person believe they signed out when the server could not end the session', async () => {
    const rita = await suite.signIn('Rita Rosa', { path: '/ngo/issues' });
    await rita.getByRole('heading', { level: 1 }).waitFor();
    // The session store does not answer (the answer the server gives then, see session-outage.e2e-spec.ts).
    await rita.route('**/auth/logout', (route) =>
      route.fulfill({ status: 503, headers: { 'retry-after': '5' }, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE' } }) }),
    );
    const signOut = rita.getByRole('button', { name: 'Logg ut' });
    await signOut.click();
    await rita.getByRole('alert').filter({ hasText: 'Du er ikke logget ut' }).waitFor();
    expect(new URL(rita.url()).pathname).toBe('/ngo/issues');
    expect(await rita.evaluate(async () => (await (await fetch('/auth/session')).json()).authenticated)).toBe(true);
    expect(await accessibilityViolations(rita)).toEqual([]);

    // Once the server answers, the same button signs out, even after the person signed in again
    // in another tab meanwhile (a new session: the token this page holds is stale).
    await rita.unroute('**/auth/logout');
    expect((await rita.context().request.post(`${base}/auth/embedded/sign-in`, { data: { userId: 'demo-rosa' } })).status()).toBe(204);
    await signOut.click();
    await rita.waitForURL(/\/sign-in/);
    expect(await rita.evaluate(async () => (await (await fetch('/auth/session')).json()).authenticated)).toBe(false);
    await rita.context().close();
  }, 60_000);
});
