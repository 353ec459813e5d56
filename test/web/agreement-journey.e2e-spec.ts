/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { osloDate } from '@kom/kernel';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, screenshot, tabTo, type Browser, type Page } from './browser';

/**
 * NGO representatives and a cooperation agreement with the police (measure 34), in a real browser:
 * ROSA's representative reads the current version, sees what changed from the first version side
 * by side, and signs when asked (with the mouse); NOAS's representative does the same with the
 * keyboard only. Every page is checked with axe-core in both languages.
 */

const TITLE = 'Samarbeidsavtale om ofre for menneskehandel i Sør-Øst';
const clauses = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer mulige ofre; organisasjonene gir bistand.', en: 'The police identify possible victims; the NGOs assist.' },
  { section: 'CONTACT_POINTS', nb: 'Hver part utpeker en fast kontaktperson.' },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Opplysninger deles bare med samtykke eller hjemmel; taushetsplikten gjelder.' },
  { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted samme døgn.' },
  { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig.' },
];

describeInBrowser('agreements in the browser', (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let agreementId: string;

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    // The seeded police district: a second organisation of that name is refused (ORGANIZATION_NAME_TAKEN).
    const policeId = 'org-sor-ost-pd';
    const police = await t.token('AGENCY_MEMBER', policeId, 'pia');
    const drafted = await t.data(
      'mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id revision } }',
      {
        input: {
          title: TITLE,
          purpose: 'Tydelige roller og forutsigbart samarbeid mellom politiet og organisasjonene (tiltak 34).',
          parties: [
            { organizationId: policeId, role: 'Identifiserer, etterforsker og henviser' },
            { organizationId: 'org-rosa', role: 'Trygt bosted og bistand' },
            { organizationId: 'org-noas', role: 'Rettshjelp og informasjon' },
          ],
          clauses,
          effectiveFrom: osloDate(new Date()),
        },
      },
      police,
    );
    agreementId = drafted.draftAgreement.id;
    const changed = clauses.map((c) => (c.section === 'VICTIM_ROUTE' ? { ...c, nb: 'Fra identifisering til trygt bosted innen seks timer.' } : c));
    await t.data('mutation($input: AmendAgreementInput!) { amendAgreement(input: $input) { id } }', { input: { agreementId, expectedRevision: 0, clauses: changed } }, police);
    await t.data('mutation($input: ProposeAgreementForSignatureInput!) { proposeAgreementForSignature(input: $input) { id } }', { input: { agreementId, version: 2 } }, police);
  }, 120_000);

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('reads the current version, sees the change side by side, and signs when asked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ngo/agreements`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: /Logg inn som Rita Rosa/ }).click();
    await page.waitForURL(`${base}/ngo/agreements`);
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('Venter på din signatur').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements-asked');

    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Organisasjonen din er bedt om å signere versjon 2.').waitFor();
    await page.getByText('Fra identifisering til trygt bosted innen seks timer.').first().waitFor();
    // The change from version 1, side by side, in words (not colour alone): struck out and added.
    await page.getByRole('heading', { name: 'Endringer mellom versjoner' }).waitFor();
    await page.locator('.kom-diff del', { hasText: 'samme døgn' }).first().waitFor();
    await page.locator('.kom-diff ins', { hasText: 'innen seks timer' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreement-diff');

    await page.getByRole('button', { name: 'Signer avtalen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signere avtalen?' });
    await dialog.getByText('Du signerer versjon 2 på vegne av ROSA-prosjektet.').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Signer avtalen' }).click();
    await page.getByText('Avtalen er signert.').waitFor();
    await page.getByText(/ROSA-prosjektet signerte versjon 2.*signert av Rita Rosa/).waitFor();
    expect(await page.getByRole('button', { name: 'Signer avtalen' }).count()).toBe(0);
    await screenshot(page, 'agreement-signed');

    // The server agrees: ROSA's signature is on version 2, NOAS's still missing.
    const auditor = await t.token('AUDITOR', 'org-pod', 'aud');
    const read = await t.data('query($id: ID!) { agreement(id: $id) { currentVersion { number missingSignatures } signatures { organizationId version } } }', { id: agreementId }, auditor);
    expect(read.agreement.signatures).toEqual([{ organizationId: 'org-rosa', version: 2 }]);
    expect(read.agreement.currentVersion.missingSignatures).toEqual(expect.arrayContaining(['org-noas']));
    expect(read.agreement.currentVersion.missingSignatures).not.toContain('org-rosa');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Changes between versions' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Agreements', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await context.close();
  }, 180_000);

  it('does the same with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ngo/agreements`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: /Logg inn som Nora Noas/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/ngo/agreements`);
    await tabTo(page, page.getByRole('link', { name: TITLE }));
    await page.keyboard.press('Enter');
    await page.getByText('Organisasjonen din er bedt om å signere versjon 2.').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Signer avtalen' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Signere avtalen?' });
    await dialog.waitFor();
    // Focus moves into the dialog; Escape leaves it without signing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Organisasjonen din er bedt om å signere versjon 2.').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Signer avtalen' }));
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Signer avtalen' }));
    await page.keyboard.press('Enter');
    await page.getByText('Avtalen er signert.').waitFor();
    await context.close();
  }, 180_000);
});
