/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, getsFocus, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The secretariat's page for one meeting in a real browser. Three project-group meetings: January
 * (held, with three decisions), March (the one run here) and April (held, the next one). On March:
 * attendance ticked and saved at once; a decision with one dissent (its reason refused when empty,
 * at the field) that replaces a January decision found by search; an action item (a past due date
 * refused at the field); an agency's position recorded over GraphQL appears without reload; a
 * January decision revoked after a confirmation naming it; minutes drafted, a draft written
 * meanwhile by another client shown beside the typed text (which stays), then approved at April
 * after a confirmation, and the page read-only. April is run by keyboard only. axe-core on every
 * state in both languages. The clock is today's, as the browser's is.
 */
const DAY = 24 * 3600_000;
const osloDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(ms));

const now = Date.now();
const clock = new ManualClock(new Date(now - 45 * DAY).toISOString());

describeInBrowser("the secretariat's meeting page in the browser", { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let january: string;
  let march: string;
  let april: string;
  const decisions: Record<'interpreter' | 'contacts' | 'report', string> = { interpreter: '', contacts: '', report: '' };

  const gql = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);
  const read = (query: string, variables: Record<string, unknown>) => t.data(query, variables, secretariat);

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const schedule = async (title: string, startsAt: number) =>
      (await gql('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
        kind: 'PROJECT_GROUP', title, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo',
      })).scheduleMeeting.id as string;
    const addItem = async (meetingId: string, title: string, citedMeasures: number[]) =>
      (await gql('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { meetingId, title, citedMeasures, presentingOrganizationId: 'org-udi' })).addAgendaItem.agenda.at(-1).id as string;
    const publish = (meetingId: string) => gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });
    const attend = (meetingId: string, organizationIds: string[]) => gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds });
    const decide = async (meetingId: string, agendaItemId: string, text: string, citedMeasures: number[]) =>
      (await gql('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', { meetingId, agendaItemId, text, citedMeasures })).recordDecision.id as string;

    january = await schedule('Prosjektgruppemøte, januar', now - 40 * DAY);
    const januaryItem = await addItem(january, 'Rutiner for første samtale', [34]);
    await publish(january);
    clock.set(new Date(now - 40 * DAY + 30 * 60_000));
    await attend(january, ['org-udi', 'org-nav']);
    decisions.interpreter = await decide(january, januaryItem, 'Tolk tilbys ved første samtale med politiet.', [34]);
    decisions.contacts = await decide(january, januaryItem, 'KOM fører en felles kontaktliste for etatene.', [34]);
    decisions.report = await decide(january, januaryItem, 'Etatene melder tall til statusrapporten innen mars.', [6]);

    march = await schedule('Prosjektgruppemøte, mars', now - 8 * DAY);
    await addItem(march, 'Identifisering av ofre', [34]);
    await publish(march);
    april = await schedule('Prosjektgruppemøte, april', now - 2 * 3600_000);
    await addItem(april, 'Tilstandsrapporten for året', [6]);
    await publish(april);
    clock.set(new Date(now));
    await attend(april, ['org-udi', 'org-nav']);
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('runs the March meeting: attendance, a decision with a dissent replacing an earlier one, an action item, a live position, a revocation, minutes through a conflict to approval', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}/secretariat/calendar`);
    await page.getByRole('link', { name: 'Prosjektgruppemøte, mars', exact: true }).click();
    await page.waitForURL(`${base}/secretariat/meetings/${march}`);
    await page.getByRole('heading', { level: 1, name: 'Prosjektgruppemøte, mars' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Sak 1: Identifisering av ofre' }).waitFor();
    await page.getByText('Oppdateres fortløpende.').waitFor();
    await expectAccessible(page);

    // Attendance: each tick is saved at once.
    for (const name of ['Utlendingsdirektoratet', 'Arbeids- og velferdsdirektoratet', 'Politiet']) {
      await page.getByRole('checkbox', { name, exact: true }).check();
      await page.getByText(`${name} er ført som til stede.`).waitFor();
    }
    const attendance = await read('query($id: ID!) { meeting(id: $id) { status attendance { organizationId } } }', { id: march });
    expect(attendance.meeting.status).toBe('HELD');
    expect(attendance.meeting.attendance.map((a: { organizationId: string }) => a.organizationId).sort()).toEqual(['org-nav', 'org-politiet', 'org-udi']);

    // A decision: NAV dissents; the empty reason is refused at its field, nothing is sent.
    await page.getByRole('button', { name: 'Før et vedtak i saken Identifisering av ofre' }).click();
    const form = page.getByRole('form', { name: 'Nytt vedtak i saken Identifisering av ofre' });
    await form.getByLabel('Vedtakstekst').fill('Tolk tilbys ved første samtale med politiet og med barnevernet.');
    await form.getByLabel('Begrunnelse', { exact: true }).fill('Erfaringer fra referansegruppen.');
    await form.getByRole('group', { name: 'Utlendingsdirektoratet' }).getByRole('radio', { name: 'Støtter' }).check();
    await form.getByRole('group', { name: 'Arbeids- og velferdsdirektoratet' }).getByRole('radio', { name: 'Har innsigelse' }).check();
    await form.getByRole('button', { name: 'Lagre vedtaket' }).click();
    const reason = form.getByLabel('Begrunnelse for dissensen fra Arbeids- og velferdsdirektoratet');
    await form.getByText('Skriv en begrunnelse for dissensen.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect((await read('query($id: ID!) { meeting(id: $id) { decisions { id } } }', { id: march })).meeting.decisions).toEqual([]);
    await expectAccessible(page);
    await reason.fill('Barnevernet er ikke part i rutinen ennå.');

    // It replaces January's decision on interpreters, found by a word in it.
    await form.getByLabel('Ord i vedtaket').fill('tolk');
    await form.getByRole('button', { name: 'Søk', exact: true }).click();
    await form.getByText('1 gjeldende vedtak passer søket.').waitFor();
    await form.getByRole('button', { name: 'Erstatt «Tolk tilbys ved første samtale med politiet.»' }).click();
    await form.getByText(/^Erstatter «Tolk tilbys ved første samtale med politiet\.» \(Prosjektgruppemøte, januar\)/).waitFor();
    await form.getByRole('button', { name: 'Lagre vedtaket' }).click();
    await page.getByText('Vedtaket er ført, og «Tolk tilbys ved første samtale med politiet.» er merket som erstattet.').waitFor();
    const recorded = await read('query($id: ID!) { meeting(id: $id) { decisions { id supersedes positions { organizationId position reason } } } }', { id: march });
    const decisionId = recorded.meeting.decisions[0].id as string;
    expect(recorded.meeting.decisions[0].supersedes).toBe(decisions.interpreter);
    expect(recorded.meeting.decisions[0].positions).toEqual([
      { organizationId: 'org-nav', position: 'OBJECTS', reason: 'Barnevernet er ikke part i rutinen ennå.' },
      { organizationId: 'org-udi', position: 'SUPPORTS', reason: null },
    ]);
    expect((await read('query($id: ID!) { decision(id: $id) { status supersededBy } }', { id: decisions.interpreter })).decision).toEqual({ status: 'SUPERSEDED', supersededBy: decisionId });

    // An action item on it: a due date in the past is refused at its field.
    await page.getByRole('button', { name: 'Legg til et oppfølgingspunkt til vedtak 1' }).click();
    const assign = page.getByRole('form', { name: 'Nytt oppfølgingspunkt til vedtak 1' });
    await assign.getByLabel('Ansvarlig organisasjon').selectOption('org-udi');
    await assign.getByLabel('Frist').fill(osloDay(now - 2 * DAY));
    await assign.getByLabel('Hva skal gjøres').fill('Lage et utkast til felles rutine for tolk.');
    await assign.getByRole('button', { name: 'Lagre oppfølgingspunktet' }).click();
    await assign.getByText('Fristen kan ikke være tilbake i tid.').waitFor();
    expect(await assign.getByLabel('Frist').getAttribute('aria-invalid')).toBe('true');
    await assign.getByLabel('Frist').fill(osloDay(now + 30 * DAY));
    await assign.getByRole('button', { name: 'Lagre oppfølgingspunktet' }).click();
    await page.getByText('Oppfølgingspunktet er gitt til Utlendingsdirektoratet.').waitFor();
    const items = await read('query($id: ID!) { meeting(id: $id) { actionItems { decisionId responsibleOrganizationId dueDate } } }', { id: march });
    expect(items.meeting.actionItems).toEqual([{ decisionId, responsibleOrganizationId: 'org-udi', dueDate: osloDay(now + 30 * DAY) }]);

    // The police record their own position elsewhere: it appears here without a reload.
    const police = await t.token('AGENCY_MEMBER', 'org-politiet', 'per');
    await gql('mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }', { decisionId, organizationId: 'org-politiet', position: 'ABSTAINS' }, police);
    const positions = page.getByRole('table', { name: 'Standpunkter til vedtak 1' });
    await positions.getByRole('row', { name: /Politiet\s*Avstår/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-meeting');

    // Revoke January's contact-list decision, after a confirmation naming it and a reason.
    const revoke = page.getByRole('region', { name: 'Opphev et tidligere vedtak' });
    await revoke.getByLabel('Ord i vedtaket').fill('kontaktliste');
    await revoke.getByRole('button', { name: 'Søk', exact: true }).click();
    await revoke.getByRole('button', { name: 'Opphev «KOM fører en felles kontaktliste for etatene.»' }).click();
    const dialog = page.getByRole('dialog', { name: 'Oppheve vedtaket?' });
    await dialog.getByText(/^«KOM fører en felles kontaktliste for etatene\.» \(Prosjektgruppemøte, januar, .*\) oppheves og gjelder ikke lenger\. Det kan ikke angres\.$/).waitFor();
    await dialog.getByRole('button', { name: 'Opphev vedtaket' }).click();
    await dialog.getByText('Skriv en begrunnelse.').waitFor();
    expect((await read('query($id: ID!) { decision(id: $id) { status } }', { id: decisions.contacts })).decision.status).toBe('ACTIVE');
    await dialog.getByLabel('Begrunnelse for opphevelsen').fill('Kontaktlisten ligger nå i organisasjonsregisteret.');
    await expectAccessible(page);
    await screenshot(page, 'secretariat-meeting-revoke');
    await dialog.getByRole('button', { name: 'Opphev vedtaket' }).click();
    await page.getByText('«KOM fører en felles kontaktliste for etatene.» er opphevet.').waitFor();
    expect((await read('query($id: ID!) { decision(id: $id) { status revokedReason } }', { id: decisions.contacts })).decision).toEqual({
      status: 'REVOKED', revokedReason: 'Kontaktlisten ligger nå i organisasjonsregisteret.',
    });

    // Minutes: a draft; another client writes meanwhile; the typed text stays, beside theirs.
    const minutes = page.getByLabel('Utkast til referat');
    await minutes.fill('Referat fra prosjektgruppemøtet i mars.');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    await gql('mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id } }', { meetingId: march, text: 'Referat skrevet i et annet vindu.' });
    const typed = 'Referat fra prosjektgruppemøtet i mars.\nVedtak 1 erstatter januarvedtaket om tolk.';
    await minutes.fill(typed);
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByRole('heading', { name: 'Noen andre har lagret referatet imens' }).waitFor();
    // Said at once, and the focus leaves Save (unavailable now) for the conflict's heading.
    await page.getByRole('alert').filter({ hasText: 'Utkastet er ikke lagret: noen andre har lagret referatet imens.' }).waitFor();
    expect(await getsFocus(page.getByRole('heading', { name: 'Noen andre har lagret referatet imens' }))).toBe(true);
    await page.getByTestId('minutes-current').getByText('Referat skrevet i et annet vindu.').waitFor();
    expect(await minutes.inputValue()).toBe(typed);
    expect((await read('query($id: ID!) { meeting(id: $id) { minutes { text } } }', { id: march })).meeting.minutes.text).toBe('Referat skrevet i et annet vindu.');
    await expectAccessible(page);
    await screenshot(page, 'secretariat-meeting-conflict');
    await page.getByRole('button', { name: 'Lagre min tekst i stedet' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    // Resolved, the conflict's buttons are gone: the focus is back on Save.
    expect(await getsFocus(page.getByRole('button', { name: 'Lagre utkastet' }))).toBe(true);
    expect((await read('query($id: ID!) { meeting(id: $id) { minutes { text } } }', { id: march })).meeting.minutes.text).toBe(typed);

    // Approved at April, the next meeting of the body, after a confirmation; then read-only.
    await page.getByRole('button', { name: 'Godkjenn referatet på Prosjektgruppemøte, april' }).click();
    const approve = page.getByRole('dialog', { name: 'Godkjenne referatet?' });
    await approve.getByText(/Det blir da skrivebeskyttet/).waitFor();
    await expectAccessible(page);
    await approve.getByRole('button', { name: 'Godkjenn referatet' }).click();
    await page.getByText('Referatet er godkjent på Prosjektgruppemøte, april.').waitFor();
    expect((await read('query($id: ID!) { meeting(id: $id) { minutes { status approvedAtMeetingId } } }', { id: march })).meeting.minutes).toEqual({ status: 'APPROVED', approvedAtMeetingId: april });
    await page.getByText(/^Godkjent på Prosjektgruppemøte, april/).waitFor();
    await page.getByText('Referatet er godkjent. Møtets protokoll er lukket og kan bare leses.').waitFor();
    expect(await page.getByLabel('Utkast til referat').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Før et vedtak|Endre standpunkter|Legg til et oppfølgingspunkt|Avbryt oppfølgingspunktet|Godkjenn/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Opphev et tidligere vedtak' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Til stede' }).getByRole('listitem').allTextContents()).toEqual(['Arbeids- og velferdsdirektoratet', 'Politiet', 'Utlendingsdirektoratet']);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-meeting-approved');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda and decisions' }).waitFor();
    await page.getByText(/^Approved at Prosjektgruppemøte, april/).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 240_000);

  it('runs the April meeting with the keyboard only: attendance, a decision with a dissent, a revocation confirmed, a draft of the minutes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/secretariat/meetings/${april}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/secretariat/meetings/${april}`);
    await page.getByRole('heading', { level: 1, name: 'Prosjektgruppemøte, april' }).waitFor();

    await tabTo(page, page.getByRole('checkbox', { name: 'Politiet', exact: true }));
    await page.keyboard.press('Space');
    await page.getByText('Politiet er ført som til stede.').waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Før et vedtak i saken Tilstandsrapporten for året' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Nytt vedtak i saken Tilstandsrapporten for året' });
    await tabTo(page, form.getByLabel('Vedtakstekst'));
    await page.keyboard.type('Tilstandsrapporten legges fram i juni.');
    // Tab reaches the group's chosen radio ("not recorded"); the arrow keys move the choice on: support, then dissent.
    await tabTo(page, form.getByRole('group', { name: 'Arbeids- og velferdsdirektoratet' }).getByRole('radio', { name: 'Ikke ført' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('group', { name: 'Arbeids- og velferdsdirektoratet' }).getByRole('radio', { name: 'Har innsigelse' }).isChecked()).toBe(true);
    await tabTo(page, form.getByRole('button', { name: 'Lagre vedtaket' }));
    await page.keyboard.press('Enter');
    const reason = form.getByLabel('Begrunnelse for dissensen fra Arbeids- og velferdsdirektoratet');
    await form.getByText('Skriv en begrunnelse for dissensen.').waitFor();
    await tabTo(page, reason);
    await page.keyboard.type('Tallene fra NAV kommer først i august.');
    await tabTo(page, form.getByRole('button', { name: 'Lagre vedtaket' }));
    await page.keyboard.press('Enter');
    await page.getByText('Vedtaket er ført.').waitFor();
    const recorded = await read('query($id: ID!) { meeting(id: $id) { decisions { positions { organizationId position reason } } } }', { id: april });
    expect(recorded.meeting.decisions[0].positions).toEqual([{ organizationId: 'org-nav', position: 'OBJECTS', reason: 'Tallene fra NAV kommer først i august.' }]);

    // Revoke January's report decision: Escape leaves the dialog with nothing revoked, then confirm.
    const revoke = page.getByRole('region', { name: 'Opphev et tidligere vedtak' });
    await tabTo(page, revoke.getByLabel('Ord i vedtaket'));
    await page.keyboard.type('statusrapporten');
    await page.keyboard.press('Enter');
    const pick = revoke.getByRole('button', { name: 'Opphev «Etatene melder tall til statusrapporten innen mars.»' });
    await pick.waitFor();
    await tabTo(page, pick);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Oppheve vedtaket?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await read('query($id: ID!) { decision(id: $id) { status } }', { id: decisions.report })).decision.status).toBe('ACTIVE');
    await tabTo(page, pick);
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByLabel('Begrunnelse for opphevelsen'));
    await page.keyboard.type('Fristen flyttes til juni.');
    await tabTo(page, dialog.getByRole('button', { name: 'Opphev vedtaket' }));
    await page.keyboard.press('Enter');
    await page.getByText('«Etatene melder tall til statusrapporten innen mars.» er opphevet.').waitFor();
    expect((await read('query($id: ID!) { decision(id: $id) { status } }', { id: decisions.report })).decision.status).toBe('REVOKED');

    await tabTo(page, page.getByLabel('Utkast til referat'), 200);
    await page.keyboard.type('Referat fra aprilmøtet.');
    await tabTo(page, page.getByRole('button', { name: 'Lagre utkastet' }));
    await page.keyboard.press('Enter');
    await page.getByText('Utkastet er lagret.').waitFor();
    expect((await read('query($id: ID!) { meeting(id: $id) { minutesStatus minutes { text } } }', { id: april })).meeting).toEqual({ minutesStatus: 'DRAFT', minutes: { text: 'Referat fra aprilmøtet.' } });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Minutes' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 240_000);
});
