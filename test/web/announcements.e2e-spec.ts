/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import type { ElementHandle } from 'playwright-core';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, tabTo, type Page } from './browser';

/**
 * Status messages (WCAG 4.1.3) and focus after a keyboard send: a refusal appears in an alert
 * region that was in the page before it (many screen readers say nothing of a region mounted with
 * its text), a success in a status region likewise, and the focus never falls to the start of the
 * page: the button pressed keeps it while the send is under way and after, and a form that closes
 * gives it back to the button that opened it.
 */
const DAY = 24 * 3600_000;
const now = Date.now();
const clock = new ManualClock(new Date(now - 3 * DAY).toISOString());
const ITEM = 'Tilstandsrapporten for året';

describeInBrowser('announcements and focus after a keyboard send', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let meetingId: string;

  beforeAll(async () => {
    ({ t, base } = suite);
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const ok = (query: string, input: Record<string, unknown>) => t.data(query, { input }, secretariat);
    meetingId = (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
      kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte, vedtak', startsAt: new Date(now - 2 * DAY).toISOString(), endsAt: new Date(now - 2 * DAY + 2 * 3600_000).toISOString(), location: 'Oslo',
    })).scheduleMeeting.id;
    await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId, title: ITEM });
    await ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });
    clock.set(new Date(now));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds: ['org-udi'] });
  }, 120_000);

  /** The live regions on the page now, to check that a message later appears in one of these very elements. */
  const regions = (page: Page, role: 'alert' | 'status') => page.$$(`[role="${role}"]`);
  const saidIn = async (existing: ElementHandle[], text: string) => {
    const said = await Promise.all(existing.map((region) => region.evaluate((el) => (el.isConnected ? (el.textContent ?? '') : ''))));
    return said.some((words) => words.includes(text));
  };
  const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim().slice(0, 60)}`);

  it('announces a refusal and a success in regions that were there before, and keeps the focus on the button', async () => {
    const page = await suite.signIn('Nora Noas', { path: '/publications/calendar', keyboard: true });
    const create = page.getByRole('button', { name: 'Lag adressen' });
    await create.waitFor();
    // The server refuses this once (as it would a feed for another organisation).
    let refuse = true;
    await page.route('**/graphql', (route) => {
      if (!refuse || !(route.request().postData() ?? '').includes('CreateCalendarFeed')) return route.continue();
      refuse = false;
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'refused', extensions: { code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' } }] }) });
    });
    const alerts = await regions(page, 'alert');
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    const refusal = 'Du kan bare handle på vegne av din egen organisasjon.';
    await page.getByRole('alert').filter({ hasText: refusal }).waitFor();
    expect(await saidIn(alerts, refusal)).toBe(true);
    expect(await focused(page)).toBe('BUTTON Lag adressen');

    const statuses = await regions(page, 'status');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Adressen er laget' }).waitFor();
    expect(await saidIn(statuses, 'Adressen er laget')).toBe(true);
    expect(await focused(page)).toBe('BUTTON Lag adressen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('moves the focus into a form opened by keyboard and back to its button when the form is sent and closes', async () => {
    const page = await suite.signIn('Siri Sekretariat', { path: `/secretariat/meetings/${meetingId}`, keyboard: true });
    const open = page.getByRole('button', { name: `Før et vedtak i saken ${ITEM}` });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Nytt vedtak i saken ${ITEM}` });
    expect(await focused(page)).toBe(`H4 Nytt vedtak i saken ${ITEM}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rapporten legges fram i juni.');
    const statuses = await regions(page, 'status');
    await tabTo(page, form.getByRole('button', { name: 'Lagre vedtaket' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Vedtaket er ført.' }).waitFor();
    expect(await saidIn(statuses, 'Vedtaket er ført.')).toBe(true);
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('BUTTON Før et vedtak');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Før et vedtak i saken ${ITEM}`);
    await page.context().close();
  }, 90_000);
});
