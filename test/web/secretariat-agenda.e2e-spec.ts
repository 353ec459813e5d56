/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describedText, describeInBrowser, focusedElement, getsFocus, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The secretariat's agenda editor in a real browser: a free item citing measures (refused at its
 * fields first), an item from a forwarded issue, one from a suggested overdue action item; the
 * order changed by dragging and by keyboard (announced, focus kept, the server's order checked);
 * published after a confirmation; amended (an edit, a removal with its reason) and shown as
 * amended to an agency; a second tab sees an edit live, and a write made stale by it keeps what
 * was typed and says what changed; the whole thing again by keyboard only. axe-core in nb and en.
 */
const DAY = 24 * 3600_000;

interface AgendaItemRead {
  id: string;
  title: string;
  citedMeasures: number[];
  presentingOrganizationId: string | null;
  sourceIssueId: string | null;
  removedByAmendment: boolean;
  updatedByAmendment: boolean;
  removalReason: string | null;
}

const now = Date.now();
const clock = new ManualClock(new Date(now - 40 * DAY).toISOString());

describeInBrowser("the secretariat's agenda editor in the browser", { clock, env: { KOM_SESSION_IDLE_MINUTES: '600' } }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let meetingId: string;
  let keyboardMeetingId: string;
  let issueId: string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
    const ok = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);
    const schedule = async (kind: string, title: string, startsAt: number) =>
      (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
        kind, title, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * 3600_000).toISOString(), location: 'Politidirektoratet, Oslo',
      })).scheduleMeeting.id as string;
    const publish = (id: string) => ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId: id });
    const attend = (id: string, organizationIds: string[]) => ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId: id, organizationIds });

    // An NGO's issue, discussed by the reference group and forwarded to the project group.
    issueId = (await ok('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
      organizationId: 'org-rosa', title: 'Ventetid på krisesenterplass', description: 'Ofre venter for lenge på plass.', category: 'IDENTIFICATION_AND_ASSISTANCE', citedMeasures: [17],
    }, rosa)).submitIssue.id;
    const reference = await schedule('REFERENCE_GROUP', 'Referansegruppemøte', now - 30 * DAY);
    await ok('mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { id } }', { issueId, meetingId: reference });
    await publish(reference);
    clock.set(new Date(now - 30 * DAY + 10 * 60_000));
    await attend(reference, ['org-rosa', 'org-noas']);
    await ok('mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { id } }', { issueId, decision: 'Sendes til prosjektgruppen' });

    // An earlier project-group meeting set an action item that is overdue now.
    clock.set(new Date(now - 21 * DAY));
    const earlier = await schedule('PROJECT_GROUP', 'Prosjektgruppemøte, forrige', now - 20 * DAY);
    const item = (await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { meetingId: earlier, title: 'Høring om rutiner' })).addAgendaItem.agenda[0].id;
    await publish(earlier);
    clock.set(new Date(now - 20 * DAY + 10 * 60_000));
    await attend(earlier, ['org-udi', 'org-nav', 'org-politiet']);
    const decisionId = (await ok('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', { meetingId: earlier, agendaItemId: item, text: 'Rutinen sendes på høring.' })).recordDecision.id;
    await ok('mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }', {
      meetingId: earlier, decisionId, description: 'Sende rutinen på høring', responsibleOrganizationId: 'org-udi', dueDate: new Date(now - 5 * DAY).toISOString().slice(0, 10),
    });

    clock.set(new Date(now));
    meetingId = await schedule('PROJECT_GROUP', 'Prosjektgruppemøte, neste', now + 7 * DAY);
    keyboardMeetingId = await schedule('PROJECT_GROUP', 'Prosjektgruppemøte, ekstra', now + 14 * DAY);
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }
  const read = async (id: string) =>
    (await t.data(
      'query($id: ID!) { meeting(id: $id) { agendaPublishedAt agenda { id title citedMeasures presentingOrganizationId sourceIssueId removedByAmendment updatedByAmendment removalReason } } }',
      { id },
      secretariat,
    )).meeting as { agendaPublishedAt: string | null; agenda: AgendaItemRead[] };
  const titles = async (id: string) => (await read(id)).agenda.filter((i) => !i.removedByAmendment).map((i) => i.title);
  const item = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
  const addForm = (page: Page) => page.getByRole('form', { name: /^Nytt punkt/ });
  const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  async function signInAsSiri(page: Page) {
    await page.goto(`${base}/secretariat/calendar`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}/secretariat/calendar`);
  }

  it('adds items (free, from a forwarded issue, from an overdue action item), reorders them by dragging and by keyboard, publishes and amends', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAsSiri(page);
    await page.getByRole('link', { name: 'Saksliste for Prosjektgruppemøte, neste' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Saksliste for Prosjektgruppemøte, neste' }).click();
    await page.waitForURL(`${base}/secretariat/meetings/${meetingId}/agenda`);
    await page.getByRole('heading', { level: 1, name: 'Saksliste: Prosjektgruppemøte, neste' }).waitFor();
    await page.getByText('Sakslisten har ingen punkter ennå.').waitFor();
    await expectAccessible(page);

    // Refused at the fields before anything is sent: no title, a measure the plan does not have.
    const form = addForm(page);
    await form.getByLabel('Tiltak (nummer)').fill('6, 36');
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    await form.getByText('Skriv en tittel.').waitFor();
    await form.getByText('Dette er ikke et tiltaksnummer: 36.').waitFor();
    expect(await form.getByLabel('Tittel').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Tiltak (nummer)').getAttribute('aria-invalid')).toBe('true');
    // The first field refused takes the focus, so its message is read with it.
    expect(await getsFocus(form.getByLabel('Tittel'))).toBe(true);
    expect((await read(meetingId)).agenda).toEqual([]);
    await expectAccessible(page);

    // A free item citing measures 6 and 34, one picked from the list with its title.
    await form.getByLabel('Tittel').fill('Felles rutiner for identifisering');
    await form.getByLabel('Beskrivelse').fill('Utkast fra arbeidsgruppen.');
    await form.getByLabel('Legges fram av').selectOption('org-udi');
    await form.getByLabel('Tiltak (nummer)').fill('6');
    await form.getByText(/^Velg fra tiltakslisten/).click();
    await form.getByRole('checkbox', { name: /^Tiltak 34:/ }).check();
    expect(await form.getByLabel('Tiltak (nummer)').inputValue()).toBe('6, 34');
    await form.getByRole('list', { name: 'Valgte tiltak' }).getByText(/^Tiltak 34: /).waitFor();
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    await said(page, '«Felles rutiner for identifisering» er lagt til.');
    await item(page, 'Felles rutiner for identifisering').getByText(/^Tiltak 6: /).waitFor();
    await form.getByLabel('Tittel').fill('Eventuelt');
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    await said(page, '«Eventuelt» er lagt til.');

    // From the suggestions: the forwarded issue, then the overdue action item (the form is filled in).
    await page.getByRole('button', { name: 'Sett på sakslisten: «Ventetid på krisesenterplass»' }).click();
    await item(page, 'Ventetid på krisesenterplass').waitFor();
    await page.getByText('Ingen videresendte saker venter på en saksliste.').waitFor();
    await page.getByRole('button', { name: 'Bruk som nytt punkt: «Sende rutinen på høring»' }).click();
    expect(await form.getByLabel('Tittel').inputValue()).toBe('Sende rutinen på høring');
    expect(await form.getByLabel('Legges fram av').inputValue()).toBe('org-udi');
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    await said(page, '«Sende rutinen på høring» er lagt til.');
    const added = (await read(meetingId)).agenda;
    expect(added.map((i) => [i.title, i.sourceIssueId])).toEqual([
      ['Felles rutiner for identifisering', null],
      ['Eventuelt', null],
      ['Ventetid på krisesenterplass', issueId],
      ['Sende rutinen på høring', null],
    ]);
    expect(added[0]).toMatchObject({ citedMeasures: [6, 34], presentingOrganizationId: 'org-udi' });
    expect(added[3]).toMatchObject({ citedMeasures: [], presentingOrganizationId: 'org-udi' });

    // Drag the last item to the top: the browser's drag events, one DataTransfer from start to drop.
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    const source = item(page, 'Sende rutinen på høring');
    const target = item(page, 'Felles rutiner for identifisering');
    await source.dispatchEvent('dragstart', { dataTransfer });
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await source.dispatchEvent('dragend', { dataTransfer });
    await said(page, '«Sende rutinen på høring» er flyttet til plass 1 av 4.');
    expect(await titles(meetingId)).toEqual(['Sende rutinen på høring', 'Felles rutiner for identifisering', 'Eventuelt', 'Ventetid på krisesenterplass']);

    // By keyboard: the same button keeps the focus, and each move is announced.
    const up = page.getByRole('button', { name: 'Flytt opp «Ventetid på krisesenterplass»' });
    await up.focus();
    await page.keyboard.press('Enter');
    await said(page, '«Ventetid på krisesenterplass» er flyttet til plass 3 av 4.');
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await said(page, '«Ventetid på krisesenterplass» er flyttet til plass 2 av 4.');
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await titles(meetingId)).toEqual(['Sende rutinen på høring', 'Ventetid på krisesenterplass', 'Felles rutiner for identifisering', 'Eventuelt']);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-agenda');

    // Publish after a confirmation naming what will happen.
    await page.getByRole('button', { name: 'Publiser sakslisten' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publisere sakslisten?' });
    await confirm.getByText(/de blir varslet/).waitFor();
    await confirm.getByText(/vist som det der medlemmene leser sakslisten/).waitFor();
    expect(await confirm.getByRole('listitem').count()).toBe(4);
    await expectAccessible(page);
    await screenshot(page, 'secretariat-agenda-publish');
    await confirm.getByRole('button', { name: 'Publiser og varsle medlemmene' }).click();
    await said(page, 'Sakslisten er publisert, og medlemmene er varslet.');
    expect((await read(meetingId)).agendaPublishedAt).not.toBeNull();

    // Amend: an edit and a removal (its reason asked for at the field), each marked in words.
    await page.getByRole('button', { name: 'Endre «Eventuelt»' }).click();
    const edit = page.getByRole('form', { name: 'Endre «Eventuelt»' });
    await edit.getByLabel('Tittel').fill('Eventuelt og neste møte');
    await edit.getByRole('button', { name: 'Lagre endringen' }).click();
    await said(page, 'Endringen er registrert etter publisering');
    await item(page, 'Eventuelt og neste møte').getByText('Endret etter publisering').waitFor();
    await page.getByRole('button', { name: 'Fjern «Felles rutiner for identifisering»' }).click();
    const remove = page.getByRole('dialog', { name: 'Fjerne «Felles rutiner for identifisering»?' });
    await remove.getByRole('button', { name: 'Fjern punktet' }).click();
    await remove.getByText('Skriv hvorfor punktet fjernes; medlemmene ser begrunnelsen.').waitFor();
    expect(await remove.getByLabel('Begrunnelse').getAttribute('aria-invalid')).toBe('true');
    await remove.getByLabel('Begrunnelse').fill('Tas opp i fellesmøtet.');
    await remove.getByRole('button', { name: 'Fjern punktet' }).click();
    await said(page, 'er fjernet etter publisering');
    await page.getByRole('heading', { level: 2, name: 'Endringer etter publisering' }).waitFor();
    await page.getByRole('list', { name: 'Punkter fjernet etter publisering' }).getByText('Tas opp i fellesmøtet.', { exact: false }).waitFor();
    const amended = (await read(meetingId)).agenda;
    expect(amended.find((i) => i.title === 'Eventuelt og neste møte')?.updatedByAmendment).toBe(true);
    expect(amended.find((i) => i.title === 'Felles rutiner for identifisering')).toMatchObject({ removedByAmendment: true, removalReason: 'Tas opp i fellesmøtet.' });
    await expectAccessible(page);
    await screenshot(page, 'secretariat-agenda-amended');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda: Prosjektgruppemøte, neste' }).waitFor();
    await item(page, 'Eventuelt og neste møte').getByText('Changed after publishing').waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('button', { name: 'Publish the agenda' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();

    // What a member agency reads: the amendments marked in words, not by colour alone.
    const agency = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await agency.newPage();
    await reader.goto(`${base}/agency/meetings`);
    await reader.waitForURL(/\/sign-in/);
    await reader.getByRole('button', { name: /Logg inn som Ulrik Utlending/ }).click();
    await reader.waitForURL(`${base}/agency/meetings`);
    const card = reader.getByRole('heading', { level: 2, name: 'Prosjektgruppemøte, neste' }).locator('..');
    await card.getByRole('listitem').filter({ hasText: 'Eventuelt og neste møte' }).getByText('Endret etter publisering').waitFor();
    await card.getByRole('list', { name: 'Fjernet etter publisering' }).getByText('Begrunnelse: Tas opp i fellesmøtet.').waitFor();
    await expectAccessible(reader);
    await screenshot(reader, 'agency-meetings-amended');
    await reader.getByRole('button', { name: 'English' }).click();
    await reader.getByText('Changed after publishing').first().waitFor();
    await expectAccessible(reader);
    await reader.getByRole('button', { name: 'Norsk' }).click();
    await agency.close();
  }, 240_000);

  it('shows an edit live in a second tab, and a write made stale by it keeps what was typed', async () => {
    const one = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const two = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await one.newPage();
    const second = await two.newPage();
    await signInAsSiri(first);
    await signInAsSiri(second);
    await first.goto(`${base}/secretariat/meetings/${meetingId}/agenda`);
    await second.goto(`${base}/secretariat/meetings/${meetingId}/agenda`);
    await item(second, 'Ventetid på krisesenterplass').waitFor();
    await second.getByText('Oppdateres fortløpende.').waitFor();
    await first.getByText('Oppdateres fortløpende.').waitFor();

    // The second tab starts writing a new item.
    const form = addForm(second);
    await form.getByLabel('Tittel').fill('Budsjett for 2027');
    await form.getByLabel('Beskrivelse').fill('Forslag fra sekretariatet.');
    await form.getByLabel('Tiltak (nummer)').fill('35');

    // The first tab changes an item: the second sees it without a reload.
    await first.getByRole('button', { name: 'Endre «Ventetid på krisesenterplass»' }).click();
    const edit = first.getByRole('form', { name: 'Endre «Ventetid på krisesenterplass»' });
    await edit.getByLabel('Tittel').fill('Ventetid på krisesenterplass i Oslo');
    await edit.getByRole('button', { name: 'Lagre endringen' }).click();
    await item(second, 'Ventetid på krisesenterplass i Oslo').waitFor();

    // The second tab's write was begun on the agenda as it stood: refused, with what changed, the text kept.
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    const notice = form.getByRole('alert').filter({ hasText: 'Noen andre endret sakslisten mens du skrev' });
    await notice.waitFor();
    await notice.getByText('Endret: «Ventetid på krisesenterplass i Oslo»').waitFor();
    expect(await form.getByLabel('Tittel').inputValue()).toBe('Budsjett for 2027');
    expect(await form.getByLabel('Beskrivelse').inputValue()).toBe('Forslag fra sekretariatet.');
    expect(await titles(meetingId)).not.toContain('Budsjett for 2027');
    await expectAccessible(second);
    await screenshot(second, 'secretariat-agenda-conflict');

    // Seen the change, the same press adds it to the agenda as it is now.
    await form.getByRole('button', { name: 'Legg til punktet' }).click();
    await said(second, '«Budsjett for 2027» er lagt til etter publisering');
    await item(first, 'Budsjett for 2027').waitFor();
    expect((await read(meetingId)).agenda.find((i) => i.title === 'Budsjett for 2027')?.citedMeasures).toEqual([35]);
    await one.close();
    await two.close();
  }, 180_000);

  it('builds, reorders and publishes an agenda with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/secretariat/calendar`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/secretariat/calendar`);
    await tabTo(page, page.getByRole('link', { name: 'Saksliste for Prosjektgruppemøte, ekstra' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/secretariat/meetings/${keyboardMeetingId}/agenda`);
    await page.getByRole('heading', { level: 1, name: 'Saksliste: Prosjektgruppemøte, ekstra' }).waitFor();

    const form = addForm(page);
    for (const [title, measures] of [['Tilstandsrapporten for året', '6'], ['Samarbeidsavtaler med politiet', '34']] as const) {
      await tabTo(page, form.getByLabel('Tittel'));
      await page.keyboard.type(title);
      await tabTo(page, form.getByLabel('Tiltak (nummer)'));
      await page.keyboard.type(measures);
      await tabTo(page, form.getByRole('button', { name: 'Legg til punktet' }));
      await page.keyboard.press('Enter');
      await said(page, `«${title}» er lagt til.`);
    }
    const up = page.getByRole('button', { name: 'Flytt opp «Samarbeidsavtaler med politiet»' });
    await tabTo(page, up);
    await page.keyboard.press('Enter');
    await said(page, '«Samarbeidsavtaler med politiet» er flyttet til plass 1 av 2.');
    // At the top "move up" is off: the focus stays on the item, on its other move button.
    expect(await page.getByRole('button', { name: 'Flytt ned «Samarbeidsavtaler med politiet»' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await titles(keyboardMeetingId)).toEqual(['Samarbeidsavtaler med politiet', 'Tilstandsrapporten for året']);

    await tabTo(page, page.getByRole('button', { name: 'Publiser sakslisten' }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Publisere sakslisten?' });
    await tabTo(page, confirm.getByRole('button', { name: 'Publiser og varsle medlemmene' }));
    await page.keyboard.press('Enter');
    await said(page, 'Sakslisten er publisert, og medlemmene er varslet.');
    expect((await read(keyboardMeetingId)).agendaPublishedAt).not.toBeNull();
    // The publish button went with the step: the focus goes to the page's heading, not to the start of the page.
    await page.getByRole('button', { name: 'Publiser sakslisten' }).waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toBe('H1 Saksliste: Prosjektgruppemøte, ekstra');

    // A title the server refuses (an invisible direction mark): the refusal is at the field, which takes the focus.
    await tabTo(page, form.getByLabel('Tittel'));
    await page.keyboard.type('Retning \u202Esnudd');
    await tabTo(page, form.getByRole('button', { name: 'Legg til punktet' }));
    await page.keyboard.press('Enter');
    const title = form.getByLabel('Tittel');
    expect(await getsFocus(title)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(title)).not.toBe('');
    expect(await titles(keyboardMeetingId)).toEqual(['Samarbeidsavtaler med politiet', 'Tilstandsrapporten for året']);
    await context.close();
  }, 180_000);
});
