/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { osloDate } from '@kom/kernel';
import { TestApp } from '../support/test-app';
import { accessibilityViolations, describeInBrowser, type Page } from './browser';

/**
 * Language of parts (WCAG 3.1.2): with English chosen, an agreement's binding Norwegian text (its
 * title, purpose, the parties' roles and every clause without an English translation) is marked
 * lang="nb" inside <html lang="en">, so a screen reader speaks it as Norwegian; a translated clause
 * is English. Both the party's page and the police workspace, and the comparison of two versions.
 */
const TITLE = 'Samarbeidsavtale om trygt bosted i Oslo';
const PURPOSE = 'Forutsigbart samarbeid om trygt bosted for mulige ofre (tiltak 34).';
const ROLE = 'Identifiserer mulige ofre og henviser';
const TRANSLATED = { nb: 'Politiet identifiserer mulige ofre; ROSA gir bistand.', en: 'The police identify possible victims; ROSA gives assistance.' };
const UNTRANSLATED = 'Hver part har en fast kontaktperson som nås hele døgnet.';
const ROUTE_BEFORE = 'Fra identifisering til trygt bosted samme døgn.';
const ROUTE_AFTER = 'Fra identifisering til trygt bosted innen seks timer.';

describeInBrowser('the language of an agreement’s parts', (suite) => {
  let t: TestApp;
  let base: string;
  let agreementId: string;

  beforeAll(async () => {
    ({ t, base } = suite);
    const police = await t.token('AGENCY_MEMBER', 'org-politiet', 'demo-politiet');
    const clauses = [
      { section: 'ROLES_AND_RESPONSIBILITIES', ...TRANSLATED },
      { section: 'CONTACT_POINTS', nb: UNTRANSLATED },
      { section: 'VICTIM_ROUTE', nb: ROUTE_BEFORE },
    ];
    agreementId = (await t.data('mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id } }', {
      input: {
        title: TITLE, purpose: PURPOSE, effectiveFrom: osloDate(new Date()), clauses,
        parties: [{ organizationId: 'org-politiet', role: ROLE }, { organizationId: 'org-rosa', role: 'Gir bistand og trygt bosted' }],
      },
    }, police)).draftAgreement.id;
    const changed = clauses.map((c) => (c.section === 'VICTIM_ROUTE' ? { ...c, nb: ROUTE_AFTER } : c));
    await t.data('mutation($input: AmendAgreementInput!) { amendAgreement(input: $input) { id } }', { input: { agreementId, expectedRevision: 0, clauses: changed } }, police);
  }, 120_000);

  /** The language a text is spoken in: that of the nearest element that says, or the page's. */
  const languageOf = (page: Page, text: string) =>
    page.evaluate((wanted) => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('main *')).filter((el) => el.textContent?.includes(wanted));
      const innermost = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
      if (innermost.length === 0) return `"${wanted}" is not on the page`;
      return innermost.map((el) => el.closest('[lang]')?.getAttribute('lang')).join(',');
    }, text);

  async function inEnglish(person: string, path: string): Promise<Page> {
    const page = await suite.signIn(person, { path });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    return page;
  }

  it('marks the Norwegian title, purpose and untranslated clauses on the party’s page and in the comparison', async () => {
    const page = await inEnglish('Rita Rosa', `/ngo/agreements/${agreementId}`);
    await page.getByText(ROUTE_AFTER).first().waitFor();
    expect(await languageOf(page, TITLE)).toBe('nb');
    expect(await languageOf(page, PURPOSE)).toBe('nb');
    expect(await languageOf(page, UNTRANSLATED)).toBe('nb');
    expect(await languageOf(page, TRANSLATED.en)).toBe('en');
    // The comparison of version 1 with 2: the clause changed only in Norwegian is Norwegian on both sides.
    expect(await languageOf(page, ROUTE_BEFORE)).toBe('nb');
    expect(await languageOf(page, ROUTE_AFTER)).toBe('nb,nb');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.context().close();
  }, 60_000);

  it('marks them in the police workspace too, with the parties’ roles', async () => {
    const page = await inEnglish('Per Politi', `/police/agreements/${agreementId}`);
    await page.getByText(ROLE).waitFor();
    expect(await languageOf(page, TITLE)).toBe('nb');
    expect(await languageOf(page, PURPOSE)).toBe('nb');
    expect(await languageOf(page, ROLE)).toBe('nb');
    expect(await languageOf(page, UNTRANSLATED)).toBe('nb');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.context().close();
  }, 60_000);

  it('words the live notice of an update in the language chosen after it came', async () => {
    // Rita reads the agreement in Norwegian; the police amend it, and the notice says so.
    const page = await suite.signIn('Rita Rosa', { path: `/ngo/agreements/${agreementId}` });
    const notice = page.locator('.kom-live');
    await notice.getByText('Oppdateres fortløpende.').waitFor();
    const police = await t.token('AGENCY_MEMBER', 'org-politiet', 'demo-politiet');
    const clauses = [
      { section: 'ROLES_AND_RESPONSIBILITIES', ...TRANSLATED },
      { section: 'CONTACT_POINTS', nb: UNTRANSLATED },
      { section: 'VICTIM_ROUTE', nb: ROUTE_AFTER },
      { section: 'TERM_AND_REVIEW', nb: 'Avtalen vurderes hvert år.' },
    ];
    await t.data('mutation($input: AmendAgreementInput!) { amendAgreement(input: $input) { id } }', { input: { agreementId, expectedRevision: 1, clauses } }, police);
    await notice.getByText(/Oppdatert: avtalen, signaturene og versjonene \(kl\. \d{2}:\d{2}:\d{2}\)\./).waitFor();
    // Then she chooses English: the whole notice is English, the update's words too.
    await page.getByRole('button', { name: 'English' }).click();
    await notice.getByText(/Updated: the agreement, its signatures and versions \(\d{2}:\d{2}:\d{2}\)\./).waitFor();
    expect(await notice.textContent()).not.toMatch(/Oppdater|avtalen/);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.context().close();
  }, 60_000);
});
