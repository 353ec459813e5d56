/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, focusedElement, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * A member agency in a real browser: its next meeting's agenda, its position on a decision of a
 * meeting it attended (a dissent needs a reason, asked for at the field), and its action items —
 * a progress note, then done after a confirmation. axe-core on every page in both languages; the
 * follow-up also by keyboard only. The clock is today's, as the browser's is.
 */
const DAY = 24 * 3600_000;

const now = Date.now();
const clock = new ManualClock(new Date(now - 10 * DAY).toISOString());

describeInBrowser('a member agency in the browser', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let decisionId: string;
  let secretariat: string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const ok = (query: string, input: Record<string, unknown>) => t.data(query, { input }, secretariat);
    const schedule = async (title: string, startsAt: number) =>
      (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
        kind: 'PROJECT_GROUP', title, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo',
      })).scheduleMeeting.id as string;
    const addItem = async (meetingId: string, title: string) =>
      (await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { meetingId, title, citedMeasures: [6], presentingOrganizationId: 'org-udi' })).addAgendaItem.agenda.at(-1).id as string;
    const publish = (meetingId: string) => ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });

    const held = await schedule('Prosjektgruppemøte, forrige', now - 9 * DAY);
    const item = await addItem(held, 'Felles rutiner for identifisering');
    await publish(held);
    clock.set(new Date(now - 9 * DAY + 30 * 60_000));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId: held, organizationIds: ['org-udi', 'org-nav', 'org-politiet'] });
    decisionId = (await ok('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', { meetingId: held, agendaItemId: item, text: 'Felles rutiner for identifisering innføres i 2027.', citedMeasures: [6] })).recordDecision.id;
    const assign = (description: string, due: number) =>
      ok('mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }', {
        meetingId: held, decisionId, description, responsibleOrganizationId: 'org-udi', dueDate: new Date(due).toISOString().slice(0, 10),
      });
    await assign('Utarbeide utkast til felles rutine', now + 20 * DAY);
    await assign('Sende rutinen på høring', now - 2 * DAY);
    clock.set(new Date(now - 3600_000));
    const next = await schedule('Prosjektgruppemøte, neste', now + 7 * DAY);
    await addItem(next, 'Tilstandsrapporten for året');
    await publish(next);
    clock.set(new Date(now));
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('reads the next agenda, records a dissent with its reason, and follows up its action items', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Ulrik Utlending/ }).click();
    await page.waitForURL(`${base}/agency/meetings`);
    await page.getByRole('heading', { level: 1, name: 'Neste møter' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prosjektgruppemøte, neste' }).waitFor();
    await page.getByText('Tilstandsrapporten for året').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agency-meetings');

    await page.getByRole('link', { name: 'Vedtak', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vedtak og standpunkter' }).waitFor();
    await page.getByRole('radio', { name: 'Har innsigelse' }).check();
    await page.getByRole('button', { name: 'Lagre standpunktet' }).click();
    await page.getByText('Skriv en begrunnelse for dissensen.').waitFor();
    expect(await page.getByLabel('Begrunnelse').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel('Begrunnelse').fill('Ressursene kommer først i 2028.');
    await page.getByRole('button', { name: 'Lagre standpunktet' }).click();
    await page.getByText('Standpunktet er lagret.').waitFor();
    // The position names the registered representative the signed-in identity is linked to.
    await page.getByText('Lagret nå: Har innsigelse, ført av Ulrik Utlending.').waitFor();
    const read = await t.data('query($id: ID!) { decision(id: $id) { positions { organizationId position reason } } }', { id: decisionId }, secretariat);
    expect(read.decision.positions).toEqual([{ organizationId: 'org-udi', position: 'OBJECTS', reason: 'Ressursene kommer først i 2028.' }]);
    await screenshot(page, 'agency-decisions');

    await page.getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingspunkter' }).waitFor();
    await page.getByRole('radio', { name: 'Åpne (2)' }).waitFor();
    await page.locator('label', { hasText: 'Forfalt (1)' }).click(); // the label is what a person clicks
    await page.getByRole('heading', { level: 2, name: 'Sende rutinen på høring' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Utarbeide utkast til felles rutine' }).count()).toBe(0);
    await page.getByLabel('Notat').fill('Høringsbrevet er klart, sendes mandag.');
    await page.getByRole('button', { name: 'Lagre notatet om framdrift' }).click();
    await page.getByText(/: Høringsbrevet er klart, sendes mandag\.$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agency-action-items');
    await page.getByLabel('Notat').fill('Sendt på høring.');
    await page.getByRole('button', { name: 'Merk som fullført' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merke oppfølgingspunktet som fullført?' });
    await dialog.getByText('kan ikke åpnes igjen').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Merk som fullført' }).click();
    // Done, the item leaves the overdue ones with the button that opened the dialog: it is said, and
    // the focus goes to the page's heading rather than to the start of the page.
    await page.getByRole('status').filter({ hasText: '«Sende rutinen på høring» er merket som fullført.' }).waitFor();
    await page.getByRole('button', { name: 'Merk som fullført' }).waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toBe('H1 Oppfølgingspunkter');
    await page.locator('label', { hasText: 'Avsluttet (1)' }).click();
    await page.getByText('Fullført: Sendt på høring.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action items' }).waitFor();
    await expectAccessible(page);
    for (const [link, heading] of [['Decisions', 'Decisions and positions'], ['Meetings', 'Next meetings']] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);

  it('notes progress with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/agency/action-items`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Ulrik Utlending/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/agency/action-items`);
    await page.getByRole('heading', { level: 2, name: 'Utarbeide utkast til felles rutine' }).waitFor();
    const draft = page.getByRole('article', { name: 'Utarbeide utkast til felles rutine' });
    await tabTo(page, draft.getByLabel('Notat'));
    await page.keyboard.type('Første utkast er skrevet.');
    await tabTo(page, draft.getByRole('button', { name: 'Lagre notatet om framdrift' }));
    await page.keyboard.press('Enter');
    await page.getByText(/: Første utkast er skrevet\.$/).waitFor();
    await context.close();
  }, 120_000);
});
