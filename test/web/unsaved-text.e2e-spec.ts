/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, tabTo, type Page } from './browser';

/**
 * The platform never loses what a person typed, not even when the session ends under them (30
 * minutes idle; here ended with POST /auth/logout): the secretariat types minutes and begins a
 * decision, the session ends, "Lagre utkastet" leads to sign-in, and after signing in again the
 * text is back in both forms, the page says so, and it saves. Whoever else signs in next in the
 * same tab never sees it.
 */
const DAY = 24 * 3600_000;
const now = Date.now();
const clock = new ManualClock(new Date(now - 3 * DAY).toISOString());
const TITLE = 'Prosjektgruppemøte, referatet';
const ITEM = 'Felles rutiner for identifisering';

describeInBrowser('unsaved text over a session that ends', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let secretariat: string;
  let meetingId: string;
  let meetingPath: string;

  beforeAll(async () => {
    ({ t, base } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const ok = (query: string, input: Record<string, unknown>) => t.data(query, { input }, secretariat);
    meetingId = (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
      kind: 'PROJECT_GROUP', title: TITLE, startsAt: new Date(now - 2 * DAY).toISOString(), endsAt: new Date(now - 2 * DAY + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo',
    })).scheduleMeeting.id;
    await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId, title: ITEM, citedMeasures: [34] });
    await ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });
    clock.set(new Date(now));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds: ['org-udi', 'org-nav'] });
    meetingPath = `/secretariat/meetings/${meetingId}`;
  }, 120_000);

  /** The session ends on the server, as after 30 idle minutes; the page does not know yet. */
  async function endSession(page: Page) {
    const session = (await (await page.request.get(`${base}/auth/session`)).json()) as { csrfToken: string };
    expect((await page.request.post(`${base}/auth/logout`, { headers: { 'X-CSRF-Token': session.csrfToken } })).status()).toBe(200);
  }
  const kept = (page: Page) => page.evaluate(() => [sessionStorage.getItem('kom.unsaved'), localStorage.getItem('kom.unsaved')]);
  const savedMinutes = async () => (await t.data('query($id: ID!) { meeting(id: $id) { minutes { text } } }', { id: meetingId }, secretariat)).meeting.minutes?.text ?? null;

  it('puts the typed minutes and a begun decision back after signing in again, says so, and saves them', async () => {
    const page = await suite.signIn('Siri Sekretariat', { path: meetingPath });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const minutes = 'Møtet ble åpnet kl. 09.00. Etatene la fram status for identifisering.';
    const decision = 'Rutinene for identifisering samordnes innen utgangen av året.';
    await page.getByLabel('Utkast til referat').fill(minutes);
    await page.getByRole('button', { name: `Før et vedtak i saken ${ITEM}` }).click();
    await page.getByLabel('Vedtakstekst').fill(decision);

    await endSession(page);
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.waitForURL(/\/sign-in\?returnTo=/);
    // Kept in this tab only, for the browser session: not in localStorage, not on the server.
    const [inSession, inLocal] = await kept(page);
    expect(inSession).toContain(minutes);
    expect(inLocal).toBeNull();
    expect(await savedMinutes()).toBeNull();

    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}${meetingPath}`);
    await page.getByRole('status').filter({ hasText: 'Teksten du hadde skrevet, men ikke lagret, er lagt tilbake i skjemaet.' }).waitFor();
    expect(await page.getByLabel('Utkast til referat').inputValue()).toBe(minutes);
    expect(await page.getByLabel('Vedtakstekst').inputValue()).toBe(decision);
    // Back in the forms, so gone from the tab's storage.
    expect(await kept(page)).toEqual([null, null]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    expect(await savedMinutes()).toBe(minutes);
    await page.context().close();
  }, 120_000);

  it('by keyboard too, and never shows one person’s unsaved text to the next person signing in in the tab', async () => {
    const page = await suite.signIn('Siri Sekretariat', { path: meetingPath, keyboard: true });
    const field = page.getByLabel('Utkast til referat');
    await field.waitFor();
    const secret = 'Utkast som ikke skal vises for noen andre.';
    await tabTo(page, field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(secret);
    await endSession(page);
    await tabTo(page, page.getByRole('button', { name: 'Lagre utkastet' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in\?returnTo=/);
    expect((await kept(page))[0]).toContain(secret);

    // An auditor signs in next in the same tab: the secretariat's text is dropped, unseen.
    await page.getByRole('button', { name: /Logg inn som Aud Revisor/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Denne siden er ikke for din rolle' }).waitFor();
    expect(await kept(page)).toEqual([null, null]);
    expect(await page.getByText(secret).count()).toBe(0);

    // Nor does it come back to its writer afterwards: it is gone.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${base}${meetingPath}`);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}${meetingPath}`);
    await field.waitFor();
    expect(await field.inputValue()).not.toContain(secret);
    await page.context().close();
  }, 120_000);
});
