/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import type { Role } from '../../apps/web/src/auth/session';
import type { AreaRoute } from '../../apps/web/src/area-route';
import { TestApp } from '../support/test-app';
import { describeInBrowser, type Browser, type Page } from './browser';

/**
 * Reflow (WCAG 1.4.10): every page of every role at 320 CSS px wide (what 1280 px at 400 % zoom
 * leaves), with a long unbroken word and a long URL in the data, never scrolls sideways; only a
 * wide table may, inside its own named, focusable box. The pages come from the app's own route
 * lists, so a page added later is visited too (and fails here until it has a sample id).
 */
const DAY = 24 * 3600_000;
const now = Date.now();
const clock = new ManualClock(new Date(now - 10 * DAY).toISOString());

// A real compound of the trade, and a real-looking deep link: neither has a place to break.
const WORD = 'Menneskehandelskoordineringsenhetsrapporteringsrutinebeskrivelsesdokumentet';
const URL_ = 'https://www.regjeringen.no/no/dokumenter/handlingsplan-mot-menneskehandel/id2345678/?kapittel=5&tiltak=34&samarbeidsavtaler-mellom-politiet-og-nasjonale-samarbeidsaktorer';

const PEOPLE: Record<Role, string> = { SECRETARIAT: 'Siri Sekretariat', AGENCY_MEMBER: 'Per Politi', NGO_REPRESENTATIVE: 'Rita Rosa', AUDITOR: 'Aud Revisor' };
/**
 * The app's route lists, loaded with require: an import would make the API's type check follow each
 * list's page loaders into the web app's TSX, which only the web app's own tsconfig compiles. The
 * loaders are never called here.
 */
function routesOf(area: string): readonly AreaRoute[] {
  const module = require(`../../apps/web/src/${area}/routes`) as Record<string, readonly AreaRoute[]>;
  return Object.values(module).flat();
}
const ROUTES: readonly AreaRoute[] = ['ngo', 'audit', 'documents', 'agency', 'police', 'secretariat', 'notifications', 'proposals'].flatMap(routesOf);

describeInBrowser('every page at 320 CSS px', { clock }, (suite) => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, base, browser } = suite);
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const ok = (query: string, input: Record<string, unknown>, token = secretariat) => t.data(query, { input }, token);
    const schedule = async (kind: string, title: string, startsAt: number) =>
      (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
        kind, title, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * 3600_000).toISOString(), location: `Politidirektoratet ${WORD}`, videoLink: URL_,
      })).scheduleMeeting.id as string;
    const addItem = async (meetingId: string) =>
      (await ok('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { meetingId, title: `Sak om ${WORD}`, description: `Se ${URL_}`, citedMeasures: [34], presentingOrganizationId: 'org-udi' }))
        .addAgendaItem.agenda.at(-1).id as string;
    const publish = (meetingId: string) => ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });

    ids.meetingId = await schedule('PROJECT_GROUP', `Prosjektgruppemøte om ${WORD}`, now - 9 * DAY);
    const item = await addItem(ids.meetingId);
    await publish(ids.meetingId);
    clock.set(new Date(now - 9 * DAY + 30 * 60_000));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId: ids.meetingId, organizationIds: ['org-udi', 'org-nav', 'org-politiet'] });
    ids.decisionId = (await ok('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
      meetingId: ids.meetingId, agendaItemId: item, text: `${WORD} vedtas; se ${URL_}`, citedMeasures: [34],
      positions: [{ organizationId: 'org-nav', position: 'OBJECTS', reason: `Innsigelse: ${WORD}` }],
    })).recordDecision.id;
    await ok('mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }', {
      meetingId: ids.meetingId, decisionId: ids.decisionId, description: `Skrive ${WORD} (${URL_})`, responsibleOrganizationId: 'org-politiet', dueDate: new Date(now + 20 * DAY).toISOString().slice(0, 10),
    });
    clock.set(new Date(now - DAY));
    await publish(await schedule('PROJECT_GROUP', `Neste møte: ${WORD}`, now + 7 * DAY).then(async (id) => (await addItem(id), id)));
    await schedule('REFERENCE_GROUP', `Referansegruppen: ${WORD}`, now + 9 * DAY);
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'demo-rosa');
    ids.issueId = (await ok('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
      organizationId: 'org-rosa', title: `Sak: ${WORD}`, description: `Bakgrunn: ${URL_}`, category: 'IDENTIFICATION_AND_ASSISTANCE',
    }, rosa)).submitIssue.id;
    ids.id = ids.issueId;
    const police = await t.token('AGENCY_MEMBER', 'org-politiet', 'demo-politiet');
    ids.agreementId = (await ok('mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id } }', {
      title: `Samarbeidsavtale om ${WORD}`, purpose: `Formål: ${URL_}`, effectiveFrom: new Date(now).toISOString().slice(0, 10),
      parties: [{ organizationId: 'org-politiet', role: `Politiet: ${WORD}` }, { organizationId: 'org-rosa', role: 'Trygt bosted' }],
      clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: `${WORD}: ${URL_}` }],
    }, police)).draftAgreement.id;
    await ok('mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }', { name: `Stiftelsen ${WORD}`, kind: 'NGO' });
    clock.set(new Date(now));
  }, 120_000);

  /** A context 320 CSS px wide, signed in by the embedded sign-in page. */
  async function narrow(role: Role): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: new RegExp(`Logg inn som ${PEOPLE[role]}`) }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  /** What scrolls sideways: the page itself, and any box that scrolls without being a named, focusable region. */
  async function sideways(page: Page): Promise<string[]> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.kom-loading'), undefined, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    // A table's box learns that it scrolls from a ResizeObserver, one frame after layout.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return page.evaluate(() => {
      const root = document.documentElement;
      const found: string[] = [];
      if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide`);
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const style = getComputedStyle(el);
        if (!/(auto|scroll)/.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1 || el.tagName === 'TEXTAREA') continue;
        const named = el.getAttribute('role') === 'region' && Boolean(el.getAttribute('aria-label')) && el.tabIndex === 0;
        if (!named) found.push(`an unnamed scrolling ${el.tagName.toLowerCase()}.${el.className}`);
      }
      return found;
    });
  }

  it('scrolls no page sideways for any role, with a long word and a long URL in the data; only tables scroll, in a named box', async () => {
    // The roles run side by side: each page mostly waits for its network to settle.
    const failures = await Promise.all((Object.keys(PEOPLE) as Role[]).map(async (role) => {
      const found: string[] = [];
      const page = await narrow(role);
      const paths = ['/', ...ROUTES.filter((r) => !r.roles || r.roles.includes(role)).map((r) => r.path)];
      for (const template of paths) {
        const path = template.replace(/:(\w+)/g, (_, name: string) => {
          if (!ids[name]) throw new Error(`no sample id for :${name} in ${template}: give this page data above`);
          return ids[name];
        });
        await page.goto(`${base}${path}`);
        for (const problem of await sideways(page)) found.push(`${role} ${path}: ${problem}`);
      }
      await page.context().close();
      return found;
    }));
    expect(failures.flat()).toEqual([]);
  }, 600_000);

  /** Words in table cells, outside links, that the browser broke across lines: a date must never read "5. desemb / er 2026". */
  const brokenWords = (page: Page) =>
    page.evaluate(() => {
      const broken: string[] = [];
      for (const cell of Array.from(document.querySelectorAll('main td'))) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('a, code, pre')) continue;
          for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            if (new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
          }
        }
      }
      return broken;
    });

  it('shows the long word where it breaks the layout most, and a wide table in its own named box', async () => {
    const agency = await narrow('AGENCY_MEMBER');
    await agency.goto(`${base}/agency/meetings`);
    // The word is in the page: the check above had something to break on.
    await agency.getByRole('heading', { level: 2, name: new RegExp(WORD) }).waitFor();
    expect(await sideways(agency)).toEqual([]);
    await agency.context().close();

    const auditor = await narrow('AUDITOR');
    await auditor.goto(`${base}/audit/decisions`);
    await auditor.getByRole('link', { name: new RegExp(WORD) }).waitFor();
    const box = auditor.getByRole('region', { name: /Vedtak, side 1/ });
    await box.waitFor();
    expect(await box.evaluate((el) => [el.tabIndex, el.scrollWidth > el.clientWidth])).toEqual([0, true]);
    // A keyboard user scrolls it: focus it, then the arrow key moves it sideways.
    await box.focus();
    await auditor.keyboard.press('ArrowRight');
    await auditor.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0);
    // The dates and the meeting beside the long words break between words only.
    expect(await brokenWords(auditor)).toEqual([]);
    await auditor.context().close();

    const ngo = await narrow('NGO_REPRESENTATIVE');
    await ngo.goto(`${base}/ngo/issues`);
    await ngo.getByRole('link', { name: new RegExp(WORD) }).waitFor();
    expect(await sideways(ngo)).toEqual([]);
    expect(await brokenWords(ngo)).toEqual([]);
    await ngo.context().close();
  }, 120_000);
});
