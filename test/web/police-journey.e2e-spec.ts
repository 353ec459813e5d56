/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * The police agreements workspace (measure 34) in a real browser: the police draft an agreement
 * with ROSA in the form (refusals at the fields first), propose it after a confirmation, see ROSA's
 * signature arrive, amend a clause (a new version) and compare the versions side by side; then, by
 * keyboard only, propose the new version and terminate with a reason. axe-core on every page in
 * both languages.
 */
const TITLE = 'Samarbeidsavtale om ofre for menneskehandel, Oslo';
const SECTIONS: Array<[string, string]> = [
  ['Roller og ansvar', 'Politiet identifiserer mulige ofre; ROSA gir bistand.'],
  ['Kontaktpunkter', 'Hver part utpeker en fast kontaktperson.'],
  ['Informasjonsdeling og taushetsplikt', 'Opplysninger deles bare med samtykke eller hjemmel.'],
  ['Offerets vei mellom partene', 'Fra identifisering til trygt bosted samme døgn.'],
  ['Varighet og evaluering', 'Avtalen evalueres årlig.'],
];

describeInBrowser('the police agreements workspace in the browser', (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let agreementUrl: string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function signInAsPer(page: Page, path: string, keyboard = false) {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    if (keyboard) {
      await tabTo(page, page.getByRole('button', { name: /Logg inn som Per Politi/ }));
      await page.keyboard.press('Enter');
    } else {
      await page.getByRole('button', { name: /Logg inn som Per Politi/ }).click();
    }
    await page.waitForURL(`${base}${path}`);
  }

  it('drafts, proposes, sees a signature, amends and compares', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAsPer(page, '/police/agreements');
    await page.getByRole('heading', { level: 1, name: 'Samarbeidsavtaler' }).waitFor();
    await page.getByText('Ingen avtaler ennå.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ny avtale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny samarbeidsavtale' }).waitFor();

    // Sent empty: each missing part is named at its field, and nothing is recorded.
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByText('Skriv en tittel.').waitFor();
    await page.getByText('Velg minst én partner.').waitFor();
    expect(await page.getByLabel('Tittel').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page.getByLabel('Tittel').fill(TITLE);
    await page.getByLabel('Formål', { exact: true }).fill('Tydelige roller mellom politiet og ROSA (tiltak 34).');
    await page.getByRole('checkbox', { name: 'ROSA-prosjektet' }).check();
    await page.getByLabel('Rollen til ROSA-prosjektet').fill('Trygt bosted og bistand');
    for (const [section, text] of SECTIONS) {
      await page.getByRole('group', { name: section }).getByLabel('Tekst (bokmål)').fill(text);
    }
    await screenshot(page, 'police-new-agreement');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Utkastet er lagret som versjon 1.').waitFor();
    agreementUrl = page.url();

    await page.getByRole('button', { name: 'Send versjon 1 til signering' }).click();
    const propose = page.getByRole('dialog', { name: 'Sende til signering?' });
    await propose.getByText('Alle parter blir bedt om å signere versjon 1.').waitFor();
    await expectAccessible(page);
    await propose.getByRole('button', { name: 'Send versjon 1 til signering' }).click();
    await page.getByText('Versjon 1 er sendt til signering.').waitFor();
    const rosaRow = page.getByRole('row', { name: /ROSA-prosjektet/ });
    await rosaRow.getByText('Venter på signatur').waitFor();

    // ROSA signs in its own app; the police see it here.
    const id = agreementUrl.split('/').pop()!;
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'demo-rosa');
    await t.data('mutation($input: SignAgreementInput!) { signAgreement(input: $input) { id } }', { input: { agreementId: id, version: 1 } }, rosa);
    await page.reload();
    // Named as the register names ROSA's representative who signed.
        await rosaRow.getByText(/^Signert .*, signert av Rita Rosa$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'police-agreement');

    await page.getByRole('button', { name: 'Endre teksten' }).click();
    await page.getByRole('heading', { name: 'Endring (blir versjon 2)' }).waitFor();
    await page.getByRole('group', { name: 'Offerets vei mellom partene' }).getByLabel('Tekst (bokmål)').fill('Fra identifisering til trygt bosted innen seks timer.');
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await page.getByText('Endringen er lagret som versjon 2.').waitFor();
    // A new version: ROSA's signature was on version 1, so it is asked for again.
    await page.getByRole('heading', { name: 'Signaturer på versjon 2' }).waitFor();
    await rosaRow.getByText('Ikke sendt til signering').waitFor();
    await page.locator('.kom-diff del', { hasText: 'samme døgn' }).first().waitFor();
    await page.locator('.kom-diff ins', { hasText: 'innen seks timer' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'police-agreement-amended');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Changes between versions' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the agreements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cooperation agreements' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);

  it('proposes the new version and terminates with a reason, by keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const path = new URL(agreementUrl).pathname;
    await signInAsPer(page, path, true);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Send versjon 2 til signering' }));
    await page.keyboard.press('Enter');
    const propose = page.getByRole('dialog', { name: 'Sende til signering?' });
    await tabTo(page, propose.getByRole('button', { name: 'Send versjon 2 til signering' }));
    await page.keyboard.press('Enter');
    await page.getByText('Versjon 2 er sendt til signering.').waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Si opp avtalen' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Si opp avtalen?' });
    await dialog.getByText('kan ikke tas i bruk igjen').waitFor();
    await expectAccessible(page);
    await tabTo(page, dialog.getByLabel('Begrunnelse'));
    await page.keyboard.type('Erstattes av en felles avtale for hele politidistriktet.');
    await tabTo(page, dialog.getByRole('button', { name: 'Si opp avtalen' }));
    await page.keyboard.press('Enter');
    await page.getByText('Avtalen er sagt opp.').waitFor();
    // Terminated from today: no more steps offered, and the server agrees.
    await page.getByRole('button', { name: 'Si opp avtalen' }).waitFor({ state: 'detached' });
    const auditor = await t.token('AUDITOR', 'org-pod', 'aud');
    const read = await t.data('query($id: ID!) { agreement(id: $id) { status } }', { id: path.split('/').pop()! }, auditor);
    expect(read.agreement.status).toBe('TERMINATED');
    await context.close();
  }, 120_000);
});
