/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * Agenda proposals in a real browser: UDI's representative proposes an item for a project-group
 * meeting (refused at the title first), ROSA's for a reference-group meeting, citing its own issue;
 * the secretariat, in a second context, accepts UDI's into the published agenda (an amendment, said
 * in the dialog) and declines ROSA's with a reason asked for at the field; each proposer sees the
 * outcome live, without a reload. NOAS's representative proposes and withdraws with the keyboard
 * only, and the secretariat declines by keyboard (one proposal withdrawn while its reason is typed:
 * said in the dialog, the reason kept). axe-core on every page in nb and en.
 */
const DAY = 24 * 3600_000;

interface ProposalRead {
  id: string;
  title: string;
  status: string;
  reason: string | null;
  organizationId: string;
  citedMeasures: number[];
  citedIssueIds: string[];
  meetingId: string;
}

const now = Date.now();
const clock = new ManualClock(new Date(now - DAY).toISOString());

describeInBrowser('agenda proposals in the browser', { clock, env: { KOM_SESSION_IDLE_MINUTES: '600' } }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let projectMeeting: string;
  let referenceMeeting: string;
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

    issueId = (await ok('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
      organizationId: 'org-rosa', title: 'Botilbud for menn', description: 'Det mangler egne botilbud for menn.', category: 'IDENTIFICATION_AND_ASSISTANCE',
    }, rosa)).submitIssue.id;
    // The project group's next meeting has a published agenda: an accepted item is an amendment.
    projectMeeting = await schedule('PROJECT_GROUP', 'Prosjektgruppemøte, neste', now + 7 * DAY);
    await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId: projectMeeting, title: 'Status for tiltak 6' });
    await ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId: projectMeeting });
    referenceMeeting = await schedule('REFERENCE_GROUP', 'Referansegruppemøte, neste', now + 9 * DAY);
    // One that has started: nobody may propose for it, so no one is offered it.
    await schedule('PROJECT_GROUP', 'Prosjektgruppemøte, i dag', now - 3600_000);
    clock.set(new Date(now));
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }
  const proposals = async (filter: Record<string, unknown> = {}) =>
    (await t.data(
      'query($f: AgendaProposalFilterInput) { agendaProposals(first: 100, filter: $f) { edges { node { id title status reason organizationId citedMeasures citedIssueIds meetingId } } } }',
      { f: filter },
      secretariat,
    )).agendaProposals.edges.map((e: { node: ProposalRead }) => e.node) as ProposalRead[];
  const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 15_000 });
  const proposal = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
  const meetingOptions = (page: Page) => page.getByLabel('Møte', { exact: true }).locator('option').allTextContents();

  async function signIn(page: Page, who: RegExp, path: string) {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: who }).click();
    await page.waitForURL(`${base}${path}`);
  }

  it('two members propose, the secretariat accepts one and declines the other, and each proposer sees the outcome live', async () => {
    // UDI's representative finds the page in the menu.
    const agency = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const udi = await agency.newPage();
    await signIn(udi, /Logg inn som Ulrik Utlending/, '/agency/meetings');
    await udi.getByRole('navigation').getByRole('link', { name: 'Forslag til saksliste' }).click();
    await udi.waitForURL(`${base}/proposals`);
    await udi.getByRole('heading', { level: 1, name: 'Forslag til saksliste' }).waitFor();
    await udi.getByText('Dere har ikke sendt noen forslag ennå.').waitFor();
    // An agency is offered the project group's coming meetings only.
    const offered = await meetingOptions(udi);
    expect(offered.some((o) => o.startsWith('Prosjektgruppemøte, neste'))).toBe(true);
    expect(offered.some((o) => o.startsWith('Referansegruppemøte'))).toBe(false);
    expect(offered.some((o) => o.startsWith('Prosjektgruppemøte, i dag'))).toBe(false);
    await expectAccessible(udi);

    // Refused at the fields before anything is sent: no meeting, no title.
    const form = udi.getByRole('form', { name: 'Nytt forslag' });
    await form.getByRole('button', { name: 'Send forslaget' }).click();
    await form.getByText('Velg møtet forslaget gjelder.').waitFor();
    await form.getByText('Skriv en tittel.').waitFor();
    await form.getByLabel('Møte', { exact: true }).selectOption(projectMeeting);
    await form.getByLabel('Beskrivelse').fill('Erfaringer med tolk i avhør av mulige ofre.');
    await form.getByRole('button', { name: 'Send forslaget' }).click();
    await form.getByText('Skriv en tittel.').waitFor();
    expect(await form.getByLabel('Tittel på saken').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Velg møtet forslaget gjelder.').count()).toBe(0);
    expect(await proposals()).toEqual([]);
    await expectAccessible(udi);
    await screenshot(udi, 'proposals-refused');

    // Then sent, citing measure 34 found by a word; a double click makes one proposal.
    await form.getByLabel('Tittel på saken').fill('Tolk i avhør');
    await form.getByLabel('Søk etter tiltak på nummer eller ord').fill('34');
    await form.getByRole('checkbox', { name: /^Tiltak 34:/ }).check();
    await form.getByRole('button', { name: 'Send forslaget' }).dblclick();
    await said(udi, 'Forslaget «Tolk i avhør» er sendt til sekretariatet for møtet Prosjektgruppemøte, neste.');
    await proposal(udi, 'Tolk i avhør').getByText('Foreslått').waitFor();
    await proposal(udi, 'Tolk i avhør').getByText('foreslått av Ulrik Utlending', { exact: false }).waitFor();
    expect(await form.getByLabel('Tittel på saken').inputValue()).toBe('');
    const udiProposals = await proposals({ organizationId: 'org-udi' });
    expect(udiProposals).toHaveLength(1);
    expect(udiProposals[0]).toMatchObject({ title: 'Tolk i avhør', status: 'PROPOSED', citedMeasures: [34], meetingId: projectMeeting });

    // ROSA's representative proposes for the reference group, citing her own issue.
    const ngo = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const rosa = await ngo.newPage();
    await signIn(rosa, /Logg inn som Rita Rosa/, '/proposals');
    await rosa.getByRole('heading', { level: 1, name: 'Forslag til saksliste' }).waitFor();
    const rosaOffered = await meetingOptions(rosa);
    expect(rosaOffered.some((o) => o.startsWith('Referansegruppemøte, neste'))).toBe(true);
    expect(rosaOffered.some((o) => o.startsWith('Prosjektgruppemøte'))).toBe(false);
    const rosaForm = rosa.getByRole('form', { name: 'Nytt forslag' });
    await rosaForm.getByLabel('Møte', { exact: true }).selectOption(referenceMeeting);
    await rosaForm.getByLabel('Tittel på saken').fill('Botilbud for menn i hele landet');
    await rosaForm.getByRole('checkbox', { name: 'Botilbud for menn', exact: true }).check();
    await rosaForm.getByRole('button', { name: 'Send forslaget' }).click();
    await proposal(rosa, 'Botilbud for menn i hele landet').getByText('Foreslått').waitFor();
    expect((await proposals({ organizationId: 'org-rosa' }))[0]).toMatchObject({ status: 'PROPOSED', citedIssueIds: [issueId], meetingId: referenceMeeting });
    await expectAccessible(rosa);
    await rosa.getByText('Oppdateres fortløpende.').waitFor();
    await udi.getByText('Oppdateres fortløpende.').waitFor();

    // The secretariat, in its own context, sees UDI's proposal in the agenda editor's panel.
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const siri = await office.newPage();
    await signIn(siri, /Logg inn som Siri Sekretariat/, `/secretariat/meetings/${projectMeeting}/agenda`);
    const panel = siri.getByRole('region', { name: /^Forslag fra medlemmene/ });
    await panel.getByRole('heading', { level: 2, name: 'Forslag fra medlemmene (1)' }).waitFor();
    await proposal(siri, 'Tolk i avhør').getByText(/^Fra Utlendingsdirektoratet, sendt .*, foreslått av Ulrik Utlending$/).waitFor();
    await expectAccessible(siri);
    await screenshot(siri, 'secretariat-agenda-proposals');

    // Accept, at the top: the dialog names the proposal and the organisation and says it is an amendment.
    await siri.getByRole('button', { name: 'Ta med på sakslisten: «Tolk i avhør» fra Utlendingsdirektoratet' }).click();
    const accept = siri.getByRole('dialog', { name: 'Ta med «Tolk i avhør» fra Utlendingsdirektoratet?' });
    await accept.getByText(/blir en endring etter publisering/).waitFor();
    await accept.getByLabel('Plass på sakslisten').selectOption({ label: 'Plass 1, foran «Status for tiltak 6»' });
    await expectAccessible(siri);
    await screenshot(siri, 'secretariat-proposal-accept');
    await accept.getByRole('button', { name: 'Ta med på sakslisten' }).click();
    await said(siri, '«Tolk i avhør» er satt på sakslisten, plass 1 av 2, som en endring etter publisering.');
    const accepted = siri.getByRole('listitem').filter({ has: siri.getByRole('heading', { level: 3, name: 'Tolk i avhør', exact: true }) }).first();
    await accepted.getByText('Foreslått av Utlendingsdirektoratet').waitFor();
    await accepted.getByText('Lagt til etter publisering').waitFor();
    await panel.getByText('Ingen forslag venter på svar.').waitFor();
    const agenda = (await t.data('query($id: ID!) { meeting(id: $id) { agenda { title presentingOrganizationId citedMeasures proposal { id } } } }', { id: projectMeeting }, secretariat)).meeting.agenda;
    expect(agenda[0]).toEqual({ title: 'Tolk i avhør', presentingOrganizationId: 'org-udi', citedMeasures: [34], proposal: { id: udiProposals[0]!.id } });

    // UDI's page hears it without a reload: the status in words, a notice, the agenda's link.
    await said(udi, 'Sekretariatet har satt «Tolk i avhør» på sakslisten for Prosjektgruppemøte, neste.');
    await proposal(udi, 'Tolk i avhør').getByText('Satt på sakslisten').waitFor();
    const pdf = proposal(udi, 'Tolk i avhør').getByRole('link', { name: 'Sakslisten for Prosjektgruppemøte, neste (PDF)' });
    expect(await pdf.getAttribute('href')).toContain(projectMeeting);
    await expectAccessible(udi);
    await screenshot(udi, 'proposals-accepted');

    // Decline ROSA's with a reason: asked for at the field first, nothing sent.
    await siri.goto(`${base}/secretariat/meetings/${referenceMeeting}/agenda`);
    await siri.getByRole('heading', { level: 2, name: 'Forslag fra medlemmene (1)' }).waitFor();
    await siri.getByRole('button', { name: 'Avslå «Botilbud for menn i hele landet» fra ROSA-prosjektet' }).click();
    const decline = siri.getByRole('dialog', { name: 'Avslå «Botilbud for menn i hele landet» fra ROSA-prosjektet?' });
    await decline.getByText('ROSA-prosjektet får se begrunnelsen.', { exact: false }).waitFor();
    await decline.getByRole('button', { name: 'Avslå forslaget' }).click();
    await decline.getByText('Skriv hvorfor forslaget avslås; organisasjonen ser begrunnelsen.').waitFor();
    expect(await decline.getByLabel('Begrunnelse').getAttribute('aria-invalid')).toBe('true');
    expect((await proposals({ organizationId: 'org-rosa' }))[0]!.status).toBe('PROPOSED');
    await expectAccessible(siri);
    await screenshot(siri, 'secretariat-proposal-decline');
    await decline.getByLabel('Begrunnelse').fill('Tas opp i fellesmøtet i juni.');
    await decline.getByRole('button', { name: 'Avslå forslaget' }).click();
    await said(siri, '«Botilbud for menn i hele landet» er avslått. ROSA-prosjektet ser begrunnelsen.');
    expect((await proposals({ organizationId: 'org-rosa' }))[0]).toMatchObject({ status: 'DECLINED', reason: 'Tas opp i fellesmøtet i juni.' });

    // ROSA hears it live, with the reason.
    await said(rosa, 'Sekretariatet har avslått «Botilbud for menn i hele landet». Begrunnelse: Tas opp i fellesmøtet i juni.');
    await proposal(rosa, 'Botilbud for menn i hele landet').getByText('Begrunnelse fra sekretariatet: Tas opp i fellesmøtet i juni.').waitFor();
    await proposal(rosa, 'Botilbud for menn i hele landet').getByText('Avslått').waitFor();
    expect(await proposal(rosa, 'Botilbud for menn i hele landet').getByRole('button').count()).toBe(0);
    await expectAccessible(rosa);
    await screenshot(rosa, 'proposals-declined');

    // Every page in English.
    for (const page of [udi, rosa, siri]) {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: /^(Agenda proposals|Agenda: Referansegruppemøte, neste)$/ }).waitFor();
      await expectAccessible(page);
    }
    await proposal(udi, 'Tolk i avhør').getByText('Placed on the agenda').waitFor();
    await proposal(rosa, 'Botilbud for menn i hele landet').getByText("The secretariat's reason: Tas opp i fellesmøtet i juni.").waitFor();
    await siri.getByText('No proposals are awaiting an answer.').waitFor();
    for (const page of [udi, rosa, siri]) await page.getByRole('button', { name: 'Norsk' }).click();
    await agency.close();
    await ngo.close();
    await office.close();
  }, 240_000);

  it('proposes and withdraws with the keyboard only, and the secretariat declines by keyboard', async () => {
    const noasToken = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'nora');
    const earlier = (await t.data('mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { id } }', {
      input: { meetingId: referenceMeeting, title: 'Returprogram for ofre' },
    }, noasToken)).proposeAgendaItem.id as string;

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/proposals`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Nora Noas/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/proposals`);
    await proposal(page, 'Returprogram for ofre').getByText('Foreslått').waitFor();

    // A new proposal: the meeting chosen with the arrow keys, the title typed, sent with Enter.
    await tabTo(page, page.getByLabel('Møte', { exact: true }));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Møte', { exact: true }).inputValue()).toBe(referenceMeeting);
    await tabTo(page, page.getByLabel('Tittel på saken'));
    await page.keyboard.type('Opplæring av frivillige');
    await tabTo(page, page.getByRole('button', { name: 'Send forslaget' }));
    await page.keyboard.press('Enter');
    await said(page, 'Forslaget «Opplæring av frivillige» er sendt');

    // Withdraw the earlier one: asked first, with what happens, and done by keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Trekk forslaget «Returprogram for ofre»' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Trekke forslaget «Returprogram for ofre»?' });
    await dialog.getByText('kan ikke hentes fram igjen', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'proposals-withdraw');
    await tabTo(page, dialog.getByLabel('Begrunnelse (valgfritt)'));
    await page.keyboard.type('Vi tar det opp i fellesmøtet.');
    await tabTo(page, dialog.getByRole('button', { name: 'Trekk forslaget' }));
    await page.keyboard.press('Enter');
    await said(page, 'Forslaget «Returprogram for ofre» er trukket.');
    await proposal(page, 'Returprogram for ofre').getByText('Deres begrunnelse: Vi tar det opp i fellesmøtet.').waitFor();
    const noas = await proposals({ organizationId: 'org-noas' });
    expect(noas.find((p) => p.id === earlier)).toMatchObject({ status: 'WITHDRAWN', reason: 'Vi tar det opp i fellesmøtet.' });
    expect(noas.find((p) => p.title === 'Opplæring av frivillige')).toMatchObject({ status: 'PROPOSED', meetingId: referenceMeeting });

    // The secretariat declines the new one by keyboard; NOAS's page shows it live.
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const siri = await office.newPage();
    await siri.goto(`${base}/secretariat/meetings/${referenceMeeting}/agenda`);
    await siri.waitForURL(/\/sign-in/);
    await siri.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(siri, siri.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await siri.keyboard.press('Enter');
    await siri.waitForURL(`${base}/secretariat/meetings/${referenceMeeting}/agenda`);

    // A proposal withdrawn while the secretariat writes its reason: the dialog says so, the reason stays.
    const late = (await t.data('mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { id revision } }', {
      input: { meetingId: referenceMeeting, title: 'Kurs for tolker' },
    }, noasToken)).proposeAgendaItem as { id: string; revision: number };
    await tabTo(siri, siri.getByRole('button', { name: 'Avslå «Kurs for tolker» fra Norsk organisasjon for asylsøkere' }), 150);
    await siri.keyboard.press('Enter');
    const stale = siri.getByRole('dialog', { name: 'Avslå «Kurs for tolker» fra Norsk organisasjon for asylsøkere?' });
    await tabTo(siri, stale.getByLabel('Begrunnelse'));
    await siri.keyboard.type('Dekkes av kompetansedagen.');
    await t.data('mutation($input: WithdrawAgendaProposalInput!) { withdrawAgendaProposal(input: $input) { id } }', { input: { proposalId: late.id } }, noasToken);
    await tabTo(siri, stale.getByRole('button', { name: 'Avslå forslaget' }));
    await siri.keyboard.press('Enter');
    await stale.getByRole('alert').filter({ hasText: '«Kurs for tolker» ble endret mens du så på det: det er nå «Trukket». Ingenting er lagret.' }).waitFor();
    expect(await stale.getByLabel('Begrunnelse').inputValue()).toBe('Dekkes av kompetansedagen.');
    expect((await proposals({ organizationId: 'org-noas' })).find((p) => p.id === late.id)).toMatchObject({ status: 'WITHDRAWN', reason: null });
    await expectAccessible(siri);
    await siri.keyboard.press('Escape');
    await stale.waitFor({ state: 'hidden' });

    await tabTo(siri, siri.getByRole('button', { name: 'Avslå «Opplæring av frivillige» fra Norsk organisasjon for asylsøkere' }), 150);
    await siri.keyboard.press('Enter');
    const decline = siri.getByRole('dialog', { name: 'Avslå «Opplæring av frivillige» fra Norsk organisasjon for asylsøkere?' });
    await tabTo(siri, decline.getByLabel('Begrunnelse'));
    await siri.keyboard.type('Passer bedre for kompetansedagen.');
    await tabTo(siri, decline.getByRole('button', { name: 'Avslå forslaget' }));
    await siri.keyboard.press('Enter');
    await said(siri, '«Opplæring av frivillige» er avslått.');
    await said(page, 'Sekretariatet har avslått «Opplæring av frivillige». Begrunnelse: Passer bedre for kompetansedagen.');
    await office.close();
    await context.close();
  }, 180_000);
});
