/// <reference lib="dom" />
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describedText, describeInBrowser, getsFocus, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The secretariat's registers in a real browser: an organisation registered (refused at the name
 * first) and renamed after a concurrent rename (what was typed kept), admitted to the reference
 * group from a date and seen as a member as of the days before and after, a representative added
 * (refused at the e-mail first) and a sign-in identity linked to it, a measure with what cites it; a representative added by keyboard
 * only. axe-core on every page in both languages.
 */
const DAY = 24 * 3600_000;
const osloDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(ms));

describeInBrowser("the secretariat's registers in the browser", (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretariat: string;
  let issueId = '';

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    issueId = (
      await t.data('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
        input: { organizationId: 'org-rosa', title: 'Felles rutiner for identifisering', description: 'Uten personopplysninger.', category: 'IDENTIFICATION_AND_ASSISTANCE', citedMeasures: [29] },
      }, rosa)
    ).submitIssue.id;
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }
  const organizationId = async (name: string) =>
    ((await t.data('{ organizations(first: 100) { edges { node { id name } } } }', {}, secretariat)).organizations.edges as Array<{ node: { id: string; name: string } }>).find((e) => e.node.name === name)?.node.id;

  it('registers and renames an organisation, admits it from a date, adds a representative and reads a measure’s citations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }).click();
    await page.waitForURL(`${base}/secretariat/calendar`);
    await page.getByRole('link', { name: 'Registre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registre' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisasjoner' }).waitFor();

    // Register: the name is asked for at its field, then the organisation is there.
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Skriv et navn.').waitFor();
    const form = page.getByRole('form', { name: 'Registrer en organisasjon' });
    const newName = form.getByLabel('Navn', { exact: true });
    // Refused at the field, before sending or by the server (a name in use): the field takes the focus.
    expect(await getsFocus(newName)).toBe(true);
    await newName.fill('ROSA-prosjektet');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    expect(await getsFocus(newName)).toBe(true);
    expect(await newName.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(newName)).not.toBe('');
    await newName.fill('Stiftelsen Amathea');
    await form.getByLabel('Type organisasjon').selectOption('NGO');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Stiftelsen Amathea er registrert.').waitFor();
    const amathea = (await organizationId('Stiftelsen Amathea'))!;
    expect(amathea).toBeTruthy();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-registers-organizations');

    // Rename, while someone else renames it: what changed is shown, what was typed is kept.
    await page.getByRole('button', { name: 'Endre navn: Stiftelsen Amathea' }).click();
    const rename = page.getByRole('form', { name: 'Endre navnet på Stiftelsen Amathea' });
    // The form opens below the table: its heading takes the focus.
    expect(await getsFocus(rename.getByRole('heading', { name: 'Endre navnet på Stiftelsen Amathea' }))).toBe(true);
    await rename.getByLabel('Navn', { exact: true }).fill('Stiftelsen Amathea Oslo');
    await t.data('mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id } }', { input: { organizationId: amathea, name: 'Amathea' } }, secretariat);
    await page.getByRole('button', { name: 'Lagre navnet' }).click();
    await page.getByText(/Noen andre endret organisasjonen mens du skrev. Nå heter den «Amathea»/).waitFor();
    expect(await page.getByRole('form', { name: /Endre navnet på/ }).getByLabel('Navn', { exact: true }).inputValue()).toBe('Stiftelsen Amathea Oslo');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lagre navnet' }).click();
    await page.getByText('Navnet er endret til Stiftelsen Amathea Oslo.').waitFor();
    // Saved, the form is gone: the focus is back on the row's button.
    expect(await getsFocus(page.getByRole('button', { name: 'Endre navn: Stiftelsen Amathea Oslo' }))).toBe(true);

    // Admit it to the reference group from a day, and read the group as of the day before and that day.
    const from = osloDay(Date.now() - 10 * DAY);
    const before = osloDay(Date.now() - 11 * DAY);
    await page.getByRole('link', { name: 'Gruppenes medlemmer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gruppenes medlemmer' }).waitFor();
    await page.getByLabel('Organisasjon', { exact: true }).selectOption(amathea);
    await page.getByLabel('Medlem fra og med').fill(from);
    await page.getByRole('button', { name: 'Ta opp' }).click();
    await page.getByText(/Stiftelsen Amathea Oslo er medlem av referansegruppen fra/i).waitFor();
    await page.getByLabel('Medlemmer per dato').fill(before);
    await page.waitForURL(new RegExp(`asOf=${before}`));
    await page.getByRole('cell', { name: 'Stiftelsen Amathea Oslo', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'ROSA-prosjektet', exact: true }).waitFor();
    await page.getByLabel('Medlemmer per dato').fill(from);
    await page.waitForURL(new RegExp(`asOf=${from}`));
    await page.getByRole('cell', { name: 'Stiftelsen Amathea Oslo', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-registers-group-as-of');
    await page.getByRole('button', { name: 'Går ut: Stiftelsen Amathea Oslo' }).click();
    await page.getByRole('dialog', { name: /Stiftelsen Amathea Oslo går ut av referansegruppen\?/i }).waitFor();
    await expectAccessible(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();

    // A representative: the work e-mail is checked at its field.
    await page.getByRole('link', { name: 'Kontaktpersoner' }).click();
    await page.getByLabel('Organisasjon', { exact: true }).selectOption(amathea);
    await page.getByRole('heading', { name: 'Kontaktpersoner for Stiftelsen Amathea Oslo' }).waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
    await page.getByLabel('E-post på jobb').fill('kari at amathea');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Skriv en gyldig e-postadresse på jobb.').waitFor();
    await page.getByLabel('E-post på jobb').fill('kari.nordmann@amathea.example');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Kari Nordmann er lagt til for Stiftelsen Amathea Oslo.').waitFor();
    await page.getByRole('cell', { name: 'kari.nordmann@amathea.example' }).waitFor();
    await page.getByRole('cell', { name: 'Ingen: kan ikke signere' }).waitFor();
    await expectAccessible(page);
    // Her sign-in identity is linked, so that she can sign for the organisation.
    await page.getByRole('button', { name: 'Knytt', exact: true }).click();
    await page.getByText('Skriv påloggingsidentiteten.').waitFor();
    await page.getByLabel('Påloggingsidentitet (bruker-id)').fill('kari-amathea');
    await page.getByRole('button', { name: 'Knytt', exact: true }).click();
    await page.getByText('kari-amathea er knyttet til Kari Nordmann.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'kari-amathea' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-registers-identity-linked');
    // Unlinked and linked again (as easily undone as done).
    await page.getByRole('button', { name: 'Løs kari-amathea fra Kari Nordmann' }).click();
    await page.getByText('kari-amathea er ikke lenger knyttet til Kari Nordmann.').waitFor();
    await page.getByRole('cell', { name: 'Ingen: kan ikke signere' }).waitFor();
    await page.getByLabel('Påloggingsidentitet (bruker-id)').fill('kari-amathea');
    await page.getByRole('button', { name: 'Knytt', exact: true }).click();
    await page.getByText('kari-amathea er knyttet til Kari Nordmann.').waitFor();
    await page.getByRole('button', { name: 'Fjern: Kari Nordmann' }).click();
    await page.getByRole('dialog', { name: 'Fjerne Kari Nordmann?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();

    // A measure and what cites it.
    await page.getByRole('link', { name: 'Tiltak', exact: true }).click();
    await page.getByRole('combobox', { name: 'Tiltak' }).selectOption('29');
    await page.waitForURL(/measure=29/);
    await page.getByRole('link', { name: 'Felles rutiner for identifisering' }).waitFor();
    expect(await page.getByRole('link', { name: 'Felles rutiner for identifisering' }).getAttribute('href')).toBe(`/secretariat/issues/${issueId}`);
    await page.getByRole('cell', { name: 'Problemstilling' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-registers-measure');

    // The measures grouped by plan: status per year, and the earlier plan's measure continued in measure 5.
    await page.getByText('Handlingsplan: Regjeringens handlingsplan mot menneskehandel (2011–2014).').waitFor();
    await page.getByText('Status per år: 2011: Pågår, 2012: Pågår, 2013: Pågår, 2014: Pågår.').waitFor();
    // The choice offers the measures as every filter by measure does: the newest plan first, and
    // an earlier plan's measure named with its plan, so the closed select says which plan it means.
    const choice = page.getByRole('combobox', { name: 'Tiltak' });
    const groups = await choice.locator('optgroup').evaluateAll((all) => all.map((g) => g.getAttribute('label')));
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain('2011–2014');
    expect(groups[1]).toContain('2006–2009');
    await choice.selectOption('2006-2009:1');
    await page.waitForURL(/plan=2006-2009&measure=1/);
    await choice.locator('option:checked', { hasText: /^Tiltak 1 \(2006–2009\): / }).waitFor({ state: 'attached' });
    await page.getByText(/^Videreført i tiltak 5 i plan 2011-2014: Videreføre KOM/).waitFor();
    // The plans below in the same order as the choice: the newest first.
    const planHeadings = await page.locator('summary h3').allTextContents();
    expect(planHeadings.map((h) => /\((\d{4})–/.exec(h)?.[1])).toEqual(['2011', '2006']);
    await page.getByText('Stopp menneskehandelen (2006–2009) (1 tiltak)').click();
    await page.getByRole('cell', { name: 'tiltak 5 i plan 2011-2014' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('combobox', { name: 'Tiltak' }).selectOption('29');
    await page.waitForURL(/measure=29/);
    await page.getByRole('link', { name: 'Felles rutiner for identifisering' }).waitFor();

    // A link to a measure no plan has (a typo, an old link, a hostile value) says so and asks the API nothing.
    const citationQueries: string[] = [];
    const countCitationQueries = (request: { postData(): string | null }) => {
      if (request.postData()?.includes('RegisterMeasureCitations')) citationQueries.push(request.postData()!);
    };
    page.on('request', countCitationQueries);
    for (const query of ['measure=99', 'plan=2030-2033&measure=1', 'measure=abc', `plan=${encodeURIComponent('<script>')}&measure=1`, 'measure=99999999999']) {
      await page.goto(`${base}/secretariat/registers/measures?${query}`);
      await page.getByText('Lenken viser ikke til noe tiltak i handlingsplanene. Velg et tiltak i listen.').waitFor();
      expect(await page.getByRole('combobox', { name: 'Tiltak' }).inputValue()).toBe('');
    }
    await expectAccessible(page);
    await screenshot(page, 'secretariat-registers-measure-unknown');
    page.off('request', countCitationQueries);
    expect(citationQueries).toEqual([]);
    // Choosing a measure from there works as ever, and the message goes.
    await page.getByRole('combobox', { name: 'Tiltak' }).selectOption('29');
    await page.getByRole('link', { name: 'Felles rutiner for identifisering' }).waitFor();
    expect(await page.getByText('Lenken viser ikke til noe tiltak i handlingsplanene.', { exact: false }).count()).toBe(0);

    // Every page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('cell', { name: 'Issue', exact: true }).waitFor();
    await expectAccessible(page);
    for (const [path, heading] of [
      ['/secretariat/registers', 'Registers'],
      ['/secretariat/registers/organizations', 'Organisations'],
      [`/secretariat/registers/groups?asOf=${from}`, "The groups' members"],
      [`/secretariat/registers/representatives?organization=${amathea}`, 'Representatives'],
      ['/secretariat/registers/measures?plan=2006-2009&measure=1', 'Measures'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 240_000);

  it('adds a representative with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/secretariat/registers/representatives?organization=org-noas`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Siri Sekretariat/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/secretariat\/registers\/representatives\?organization=org-noas/);
    await page.getByRole('heading', { name: 'Kontaktpersoner for Norsk organisasjon for asylsøkere' }).waitFor();
    await tabTo(page, page.getByLabel('Navn', { exact: true }));
    await page.keyboard.type('Ola Nordmann');
    await tabTo(page, page.getByLabel('E-post på jobb'));
    await page.keyboard.type('ola.nordmann@noas.example');
    await tabTo(page, page.getByRole('button', { name: 'Legg til', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText('Ola Nordmann er lagt til for Norsk organisasjon for asylsøkere.').waitFor();
    const reps = await t.data('{ organization(id: "org-noas") { representatives { name } } }', {}, secretariat);
    expect(reps.organization.representatives.map((r: { name: string }) => r.name)).toContain('Ola Nordmann');
    await context.close();
  }, 120_000);
});
