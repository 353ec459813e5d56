/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they name the DOM.
import { ManualClock } from '@kom/platform';
import { accessibilityViolations, describeInBrowser, focusedElement, screenshot, tabTo, typedDate, type Page } from './browser';

/**
 * KOM's whole cycle in one run, every person in a browser of their own, at once: the secretariat
 * plans a monthly series of project-group meetings and a reference-group meeting (calendar); Rita
 * Rosa (ROSA) raises an issue; the secretariat places it on the reference group's agenda, publishes
 * it, records who attends and forwards the issue; builds and publishes the project group's agenda
 * with the forwarded issue (agenda editor); records a decision on it while Ulrik Utlending (UDI)
 * watches it arrive on his decisions page and records a dissent with a reason, which the
 * secretariat's meeting page shows live; an action item and a minutes draft; a month later the
 * minutes are approved at the next meeting. Rita's issue page shows the outcome as it happens
 * (decision, UDI's dissent, the action item) without a reload. Then Per Politi (the police) drafts
 * an agreement with ROSA and proposes it (Rita's list asks for her signature live); Rita signs
 * (the police workspace shows it live); the police amend it and Rita's page shows version 2 and the
 * change, live. Then each role's main step again by keyboard only. axe-core on every page reached,
 * in bokmål and English.
 *
 * Time: the server runs on a ManualClock and each browser context on Playwright's clock, set to the
 * same instant; GraphQL is used only to read what the server recorded, never for a user's step.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const osloDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(ms));
/** The instant of an Oslo wall-clock time on an Oslo day. */
function oslo(day: string, time: string): number {
  const guess = Date.parse(`${day}T${time}:00Z`);
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(guess)).split(':').map(Number) as [number, number];
  const [th, tm] = time.split(':').map(Number) as [number, number];
  return guess - (h * 60 + m - (th * 60 + tm)) * 60_000;
}

const ISSUE = 'Ventetid på krisesenterplass i øst';
const DECISION = 'Etatene lager en felles oversikt over ledige krisesenterplasser.';
const DISSENT = 'UDI har ikke hjemmel til å dele beleggstall ukentlig.';
const ACTION = 'Lage en ukentlig oversikt over ledige plasser.';
const AGREEMENT = 'Samarbeidsavtale mellom politiet og ROSA om trygt bosted';
const SECTIONS: Array<[string, string]> = [
  ['Roller og ansvar', 'Politiet identifiserer mulige ofre; ROSA gir bistand.'],
  ['Kontaktpunkter', 'Hver part utpeker en fast kontaktperson.'],
  ['Informasjonsdeling og taushetsplikt', 'Opplysninger deles bare med samtykke eller hjemmel.'],
  ['Offerets vei mellom partene', 'Fra identifisering til trygt bosted samme døgn.'],
  ['Varighet og evaluering', 'Avtalen evalueres årlig.'],
];

// Day one is tomorrow in Oslo, from 07:00: every meeting of the day is still to come when planned.
const day1 = osloDay(Date.now() + DAY);
const clock = new ManualClock(new Date(oslo(day1, '07:00')).toISOString());

// The clock moves on hours within the day, then a month: sessions outlive the day, not the month.
describeInBrowser('the full cycle in the browser', { clock, env: { KOM_SESSION_IDLE_MINUTES: '1440' } }, (s) => {
  let secretariat: string;
  const meetings = { reference: '', first: '', next: '' };
  let nextStartsAt = 0;
  const checked = new Set<string>();

  const read = (query: string, variables: Record<string, unknown> = {}) => s.t.data(query, variables, secretariat);
  /**
   * axe-core's 0 violations here. Each page's own suite checks it in both languages; this journey
   * checks in English too the states only it reaches (live outcomes, a dissent arriving), once each.
   */
  async function expectAccessible(page: Page, name: string, english?: { heading: string }) {
    expect(await accessibilityViolations(page)).toEqual([]);
    if (!english || checked.has(name)) return;
    checked.add(name);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: english.heading }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.locator('html[lang="nb"]').waitFor();
  }
  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  beforeAll(async () => {
    secretariat = await s.t.token('SECRETARIAT', 'org-pod', 'pod-siri');
  }, 120_000);

  it('runs the cycle: series, issue, reference group, agenda, decision with a live dissent, outcome, minutes, agreement signed and amended', async () => {
    // ---- The secretariat plans: a reference-group meeting at 10, a monthly project-group series from 13.
    const siri = await s.signIn('Siri Sekretariat');
    await siri.waitForURL(/\/secretariat\/calendar$/);
    await siri.getByRole('heading', { level: 1, name: 'Møtekalender' }).waitFor();
    await expectAccessible(siri, 'calendar');
    const plan = async (kind: string, title: string, start: string, until?: string) => {
      await siri.getByLabel('Organ').selectOption(kind);
      await siri.getByLabel('Tittel').fill(title);
      await siri.getByLabel('Dato').last().fill(day1);
      await siri.getByLabel('Starter').first().fill(start);
      await siri.getByLabel('Slutter').first().fill(`${Number(start.slice(0, 2)) + 2}:00`);
      await siri.getByLabel('Sted').fill('Politidirektoratet, Oslo');
      if (until) {
        await siri.getByRole('checkbox', { name: 'Gjenta hver måned' }).check();
        await siri.getByLabel('Til og med').fill(until);
      }
      await siri.getByRole('button', { name: 'Se over og beram' }).click();
      const count = until ? 2 : 1;
      const confirm = siri.getByRole('dialog', { name: `Beramme ${count} møte(r)?` });
      if (until) await screenshot(siri, 'full-cycle-series');
      await confirm.getByRole('button', { name: `Beram ${count} møte(r)` }).click();
      await siri.getByText(`${count} møte(r) er berammet.`).waitFor();
    };
    await plan('REFERENCE_GROUP', 'Referansegruppemøte', '10:00');
    await plan('PROJECT_GROUP', 'Prosjektgruppemøte', '13:00', osloDay(Date.parse(`${day1}T12:00:00Z`) + 40 * DAY));
    const planned = await read('{ meetings(first: 10) { edges { node { id kind startsAt seriesIndex } } } }');
    for (const { node } of planned.meetings.edges as Array<{ node: { id: string; kind: string; startsAt: string; seriesIndex: number | null } }>) {
      if (node.kind === 'REFERENCE_GROUP') meetings.reference = node.id;
      else if (node.seriesIndex === 0) meetings.first = node.id;
      else ((meetings.next = node.id), (nextStartsAt = Date.parse(node.startsAt)));
    }
    expect(meetings.reference && meetings.first && meetings.next).toBeTruthy();
    expect(new Date(nextStartsAt).toISOString()).toBe(new Date(oslo(osloDay(nextStartsAt), '13:00')).toISOString());

    // ---- Rita Rosa raises an issue.
    const rita = await s.signIn('Rita Rosa');
    await rita.getByRole('heading', { level: 1, name: 'Våre saker' }).waitFor();
    await expectAccessible(rita, 'our-issues');
    await rita.getByRole('button', { name: 'Meld inn en ny sak' }).click();
    await rita.getByRole('heading', { level: 1, name: 'Meld inn en sak' }).waitFor();
    await expectAccessible(rita, 'raise-issue');
    await rita.getByLabel('Tittel').fill(ISSUE);
    await rita.getByLabel('Beskrivelse').fill('Krisesentrene i øst er fulle; ofre venter i uker på plass.');
    await rita.getByLabel('Område').selectOption('IDENTIFICATION_AND_ASSISTANCE');
    await rita.getByRole('button', { name: 'Send inn saken' }).click();
    await rita.waitForURL(/\/ngo\/issues\/[0-9a-f-]{36}$/);
    const issueId = rita.url().split('/').pop()!;
    await rita.getByRole('heading', { level: 1, name: ISSUE }).waitFor();
    await expectAccessible(rita, 'issue');

    // ---- The secretariat places it on the reference group's agenda and publishes that agenda.
    await siri.getByRole('link', { name: 'Saker til behandling' }).click();
    await siri.getByRole('link', { name: ISSUE }).click();
    await siri.getByRole('heading', { level: 1, name: ISSUE }).waitFor();
    await siri.getByLabel('Møte i referansegruppen').selectOption(meetings.reference);
    await siri.getByRole('button', { name: 'Sett på sakslisten' }).click();
    await siri.getByText('Saken står nå på sakslisten til Referansegruppemøte.').waitFor();
    await expectAccessible(siri, 'triage-issue');
    // Rita sees it move, live.
    await status(rita, 'På referansegruppens saksliste');
    const publish = async (meetingId: string, title: string) => {
      await siri.goto(`${s.base}/secretariat/meetings/${meetingId}/agenda`);
      await siri.getByRole('heading', { level: 1, name: `Saksliste: ${title}` }).waitFor();
    };
    await publish(meetings.reference, 'Referansegruppemøte');
    await siri.getByRole('button', { name: 'Publiser sakslisten' }).click();
    await siri.getByRole('dialog', { name: 'Publisere sakslisten?' }).getByRole('button', { name: 'Publiser og varsle medlemmene' }).click();
    await siri.getByRole('dialog', { name: 'Publisere sakslisten?' }).waitFor({ state: 'detached' });

    // ---- 10:05: the reference group meets; ROSA attends; the issue is forwarded.
    await s.setTime(oslo(day1, '10:05'));
    await siri.goto(`${s.base}/secretariat/meetings/${meetings.reference}`);
    await siri.getByRole('heading', { level: 1, name: 'Referansegruppemøte' }).waitFor();
    await siri.getByRole('checkbox', { name: 'ROSA-prosjektet', exact: true }).check();
    await siri.getByText('ROSA-prosjektet er ført som til stede.').waitFor();
    await expectAccessible(siri, 'meeting', { heading: 'Referansegruppemøte' });
    await siri.goto(`${s.base}/secretariat/issues/${issueId}`);
    await siri.getByRole('heading', { name: 'Send videre til prosjektgruppen' }).waitFor();
    await siri.getByLabel('Vedtak', { exact: true }).fill('Referansegruppen ber prosjektgruppen se på kapasiteten i øst.');
    await siri.getByRole('button', { name: 'Send videre', exact: true }).click();
    await siri.getByText('Saken er sendt videre til prosjektgruppen.').waitFor();
    await status(rita, 'Oversendt prosjektgruppen');

    // ---- The project group's agenda: the forwarded issue from the suggestions, then published.
    await publish(meetings.first, 'Prosjektgruppemøte');
    await siri.getByRole('button', { name: `Sett på sakslisten: «${ISSUE}»` }).click();
    await siri.getByRole('heading', { level: 3, name: ISSUE, exact: true }).waitFor();
    await expectAccessible(siri, 'agenda');
    await siri.getByRole('button', { name: 'Publiser sakslisten' }).click();
    const confirmPublish = siri.getByRole('dialog', { name: 'Publisere sakslisten?' });
    expect(await confirmPublish.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(ISSUE)]);
    await confirmPublish.getByRole('button', { name: 'Publiser og varsle medlemmene' }).click();
    await confirmPublish.waitFor({ state: 'detached' });
    // The next meeting's agenda too (approving the minutes), so that it can be held.
    await siri.goto(`${s.base}/secretariat/meetings/${meetings.next}/agenda`);
    const addItem = siri.getByRole('form', { name: /^Nytt punkt/ });
    await addItem.getByLabel('Tittel').fill('Godkjenning av referat');
    await addItem.getByRole('button', { name: 'Legg til punktet' }).click();
    await siri.getByRole('heading', { level: 3, name: 'Godkjenning av referat', exact: true }).waitFor();
    await siri.getByRole('button', { name: 'Publiser sakslisten' }).click();
    await siri.getByRole('dialog', { name: 'Publisere sakslisten?' }).getByRole('button', { name: 'Publiser og varsle medlemmene' }).click();
    await siri.getByRole('dialog', { name: 'Publisere sakslisten?' }).waitFor({ state: 'detached' });

    // ---- 13:05: the project group meets. Ulrik watches his decisions page; Rita her issue.
    await s.setTime(oslo(day1, '13:05'));
    await siri.goto(`${s.base}/secretariat/meetings/${meetings.first}`);
    await siri.getByRole('heading', { level: 3, name: `Sak 1: ${ISSUE}` }).waitFor();
    for (const name of ['Utlendingsdirektoratet', 'Politiet']) {
      await siri.getByRole('checkbox', { name, exact: true }).check();
      await siri.getByText(`${name} er ført som til stede.`).waitFor();
    }
    const ulrik = await s.signIn('Ulrik Utlending', { path: '/agency/decisions' });
    await ulrik.getByRole('heading', { level: 1, name: 'Vedtak og standpunkter' }).waitFor();
    await ulrik.getByText('Oppdateres fortløpende.').waitFor();

    await siri.getByRole('button', { name: `Før et vedtak i saken ${ISSUE}` }).click();
    const form = siri.getByRole('form', { name: `Nytt vedtak i saken ${ISSUE}` });
    await form.getByLabel('Vedtakstekst').fill(DECISION);
    await form.getByLabel('Begrunnelse', { exact: true }).fill('Referansegruppen har vist at plassene ikke er kjent for alle.');
    await form.getByRole('group', { name: 'Politiet' }).getByRole('radio', { name: 'Støtter' }).check();
    await form.getByRole('button', { name: 'Lagre vedtaket' }).click();
    await siri.getByText('Vedtaket er ført.').waitFor();

    // Ulrik: the decision arrives on his page without a reload; he dissents, with a reason.
    const article = ulrik.getByRole('article', { name: DECISION });
    await article.waitFor();
    await status(ulrik, /Oppdatert: vedtakene og posisjonene/);
    await expectAccessible(ulrik, 'agency-decisions', { heading: 'Decisions and positions' });
    await article.getByRole('radio', { name: 'Har innsigelse' }).check();
    await article.getByLabel('Begrunnelse').fill(DISSENT);
    await article.getByRole('button', { name: 'Lagre standpunktet' }).click();
    await article.getByText('Standpunktet er lagret.').waitFor();
    await screenshot(ulrik, 'full-cycle-agency-dissent');

    // The secretariat's meeting page shows it live.
    await siri.getByRole('table', { name: 'Standpunkter til vedtak 1' }).getByRole('row', { name: /Utlendingsdirektoratet\s*Har innsigelse/ }).waitFor();

    // An action item for UDI.
    await siri.getByRole('button', { name: 'Legg til et oppfølgingspunkt til vedtak 1' }).click();
    const assign = siri.getByRole('form', { name: 'Nytt oppfølgingspunkt til vedtak 1' });
    await assign.getByLabel('Ansvarlig organisasjon').selectOption('org-udi');
    await assign.getByLabel('Frist').fill(osloDay(oslo(day1, '12:00') + 21 * DAY));
    await assign.getByLabel('Hva skal gjøres').fill(ACTION);
    await assign.getByRole('button', { name: 'Lagre oppfølgingspunktet' }).click();
    await siri.getByText('Oppfølgingspunktet er gitt til Utlendingsdirektoratet.').waitFor();
    await screenshot(siri, 'full-cycle-meeting');

    // Rita's issue page has followed it all, without a reload: the decision, UDI's dissent, the action item.
    await rita.getByText(new RegExp(DECISION.replace(/\./g, '\\.'))).first().waitFor();
    await rita.getByRole('list', { name: 'Posisjoner til vedtaket' }).getByText(`Utlendingsdirektoratet: Har innsigelse – ${DISSENT}`).waitFor();
    await rita.getByText(new RegExp(ACTION.replace(/\./g, '\\.'))).first().waitFor();
    await status(rita, /Oppdatert: sakens historikk og utfall/);
    const outcome = await read('query($id: ID!) { issue(id: $id) { status lineage { decisions { text } actionItems { description } } } }', { id: issueId });
    // The reference group's forwarding decision, then the project group's.
    expect(outcome.issue.lineage).toEqual({ decisions: [{ text: 'Referansegruppen ber prosjektgruppen se på kapasiteten i øst.' }, { text: DECISION }], actionItems: [{ description: ACTION }] });
    await expectAccessible(rita, 'issue-outcome', { heading: ISSUE });
    await screenshot(rita, 'full-cycle-issue-outcome');

    // Minutes drafted.
    await siri.getByLabel('Utkast til referat').fill(`Prosjektgruppen vedtok: ${DECISION} UDI har innsigelse.`);
    await siri.getByRole('button', { name: 'Lagre utkastet' }).click();
    await siri.getByText('Utkastet er lagret.').waitFor();

    // ---- A month on: the next meeting is held, and approves the minutes. Sessions have ended: sign in again.
    await Promise.all([siri, rita, ulrik].map((page) => page.context().close()));
    await s.setTime(nextStartsAt + 5 * 60_000);
    const siri2 = await s.signIn('Siri Sekretariat', { path: `/secretariat/meetings/${meetings.next}` });
    await siri2.getByRole('checkbox', { name: 'Utlendingsdirektoratet', exact: true }).check();
    await siri2.getByText('Utlendingsdirektoratet er ført som til stede.').waitFor();
    await siri2.goto(`${s.base}/secretariat/meetings/${meetings.first}`);
    await siri2.getByRole('button', { name: 'Godkjenn referatet på Prosjektgruppemøte' }).click();
    const approve = siri2.getByRole('dialog', { name: 'Godkjenne referatet?' });
    await approve.getByText(/Det blir da skrivebeskyttet/).waitFor();
    await approve.getByRole('button', { name: 'Godkjenn referatet' }).click();
    await siri2.getByText('Referatet er godkjent på Prosjektgruppemøte.').waitFor();
    const minutes = await read('query($id: ID!) { meeting(id: $id) { minutes { status approvedAtMeetingId } } }', { id: meetings.first });
    expect(minutes.meeting.minutes).toEqual({ status: 'APPROVED', approvedAtMeetingId: meetings.next });
    await siri2.context().close();

    // ---- The police draft an agreement with ROSA.
    const per = await s.signIn('Per Politi', { path: '/police/agreements' });
    await per.getByRole('heading', { level: 1, name: 'Samarbeidsavtaler' }).waitFor();
    await expectAccessible(per, 'police-agreements');
    await per.getByRole('button', { name: 'Ny avtale' }).click();
    await per.getByRole('heading', { level: 1, name: 'Ny samarbeidsavtale' }).waitFor();
    await expectAccessible(per, 'police-new');
    await per.getByLabel('Tittel').fill(AGREEMENT);
    await per.getByLabel('Formål', { exact: true }).fill('Tydelige roller mellom politiet og ROSA (tiltak 34).');
    await per.getByRole('checkbox', { name: 'ROSA-prosjektet' }).check();
    await per.getByLabel('Rollen til ROSA-prosjektet').fill('Trygt bosted og bistand');
    for (const [section, text] of SECTIONS) await per.getByRole('group', { name: section }).getByLabel('Tekst (bokmål)').fill(text);
    await per.getByRole('button', { name: 'Lagre utkastet' }).click();
    await per.getByText('Utkastet er lagret som versjon 1.').waitFor();
    const agreementId = per.url().split('/').pop()!;

    // Rita's agreements list follows it: proposed, it asks for her signature without a reload.
    const rita2 = await s.signIn('Rita Rosa', { path: '/ngo/agreements' });
    await rita2.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    const row = rita2.getByRole('row', { name: new RegExp(AGREEMENT) });
    await row.waitFor();
    await per.getByRole('button', { name: 'Send versjon 1 til signering' }).click();
    await per.getByRole('dialog', { name: 'Sende til signering?' }).getByRole('button', { name: 'Send versjon 1 til signering' }).click();
    await per.getByText('Versjon 1 er sendt til signering.').waitFor();
    await row.getByText('Venter på din signatur').waitFor();
    await expectAccessible(rita2, 'ngo-agreements');

    // Rita signs; the police workspace shows it without a reload.
    await row.getByRole('link', { name: AGREEMENT }).click();
    await rita2.getByRole('heading', { level: 1, name: AGREEMENT }).waitFor();
    await rita2.getByRole('button', { name: 'Signer avtalen' }).click();
    const sign = rita2.getByRole('dialog', { name: 'Signere avtalen?' });
    await sign.getByText('Du signerer versjon 1 på vegne av ROSA-prosjektet.').waitFor();
    await sign.getByRole('button', { name: 'Signer avtalen' }).click();
    await rita2.getByText('Avtalen er signert.').waitFor();
    const rosaRow = per.getByRole('row', { name: /ROSA-prosjektet/ });
    await rosaRow.getByText(/^Signert /).waitFor();
    await status(per, /Oppdatert: avtalen, signaturene og versjonene/);
    await expectAccessible(per, 'police-agreement');

    // The police amend it; Rita's page shows version 2 and the change, live.
    await per.getByRole('button', { name: 'Endre teksten' }).click();
    await per.getByRole('group', { name: 'Offerets vei mellom partene' }).getByLabel('Tekst (bokmål)').fill('Fra identifisering til trygt bosted innen seks timer.');
    await per.getByRole('button', { name: 'Lagre endringen' }).click();
    await per.getByText('Endringen er lagret som versjon 2.').waitFor();
    await rita2.getByRole('heading', { name: 'Endringer mellom versjoner' }).waitFor();
    await rita2.getByRole('heading', { level: 2, name: 'Gjeldende tekst (versjon 2)' }).waitFor();
    await rita2.locator('ins').filter({ hasText: 'innen seks timer' }).first().waitFor();
    await status(rita2, /Oppdatert: avtalen, signaturene og versjonene/);
    await expectAccessible(rita2, 'ngo-agreement', { heading: AGREEMENT });
    await screenshot(rita2, 'full-cycle-agreement-amended-live');
    const agreement = await read('query($id: ID!) { agreement(id: $id) { currentVersion { number } signatures { organizationId version } } }', { id: agreementId });
    expect(agreement.agreement).toEqual({ currentVersion: { number: 2 }, signatures: [{ organizationId: 'org-rosa', version: 1 }] });
    await Promise.all([per, rita2].map((page) => page.context().close()));
  }, 240_000);

  it("does each role's main step by keyboard only: raise an issue, record a decision, record a position, propose and sign", async () => {
    // Rita raises an issue.
    const rita = await s.signIn('Rita Rosa', { path: '/ngo/issues/new', keyboard: true });
    await rita.getByRole('heading', { level: 1, name: 'Meld inn en sak' }).waitFor();
    await tabTo(rita, rita.getByLabel('Tittel'));
    await rita.keyboard.type('Tolk ved første samtale');
    await rita.keyboard.press('Tab');
    await rita.keyboard.type('Tolker mangler i flere politidistrikt.');
    await tabTo(rita, rita.getByLabel('Område'));
    await rita.keyboard.press('ArrowDown');
    await tabTo(rita, rita.getByRole('button', { name: 'Send inn saken' }));
    await rita.keyboard.press('Enter');
    await rita.getByRole('heading', { level: 1, name: 'Tolk ved første samtale' }).waitFor();

    // The secretariat records a decision at the meeting held now (the next one), by keyboard.
    const siri = await s.signIn('Siri Sekretariat', { path: `/secretariat/meetings/${meetings.next}`, keyboard: true });
    await siri.getByRole('heading', { level: 3, name: 'Sak 1: Godkjenning av referat' }).waitFor();
    await tabTo(siri, siri.getByRole('button', { name: 'Før et vedtak i saken Godkjenning av referat' }));
    await siri.keyboard.press('Enter');
    const form = siri.getByRole('form', { name: 'Nytt vedtak i saken Godkjenning av referat' });
    await tabTo(siri, form.getByLabel('Vedtakstekst'));
    await siri.keyboard.type('Referatet fra forrige møte er godkjent.');
    await tabTo(siri, form.getByRole('button', { name: 'Lagre vedtaket' }));
    const ulrik = await s.signIn('Ulrik Utlending', { path: '/agency/decisions', keyboard: true });
    await ulrik.getByRole('heading', { level: 1, name: 'Vedtak og standpunkter' }).waitFor();
    await ulrik.getByText('Oppdateres fortløpende.').waitFor();
    await siri.keyboard.press('Enter');
    await siri.getByText('Vedtaket er ført.').waitFor();

    // Ulrik supports it, by keyboard: it arrived live.
    const article = ulrik.getByRole('article', { name: 'Referatet fra forrige møte er godkjent.' });
    await article.waitFor();
    await tabTo(ulrik, article.getByRole('radio', { name: 'Støtter' }));
    await ulrik.keyboard.press('Space');
    await tabTo(ulrik, article.getByRole('button', { name: 'Lagre standpunktet' }));
    await ulrik.keyboard.press('Enter');
    await article.getByText('Standpunktet er lagret.').waitFor();
    await siri.getByRole('table', { name: 'Standpunkter til vedtak 1' }).getByRole('row', { name: /Utlendingsdirektoratet\s*Støtter/ }).waitFor();

    // The police propose version 2; Rita signs it. Both by keyboard.
    const listed = await read('query { agreements(first: 10) { edges { node { id title } } } }');
    const agreementId = listed.agreements.edges.find((e: { node: { title: string } }) => e.node.title === AGREEMENT).node.id as string;
    const per = await s.signIn('Per Politi', { path: `/police/agreements/${agreementId}`, keyboard: true });
    await per.getByRole('heading', { level: 1, name: AGREEMENT }).waitFor();
    await tabTo(per, per.getByRole('button', { name: 'Send versjon 2 til signering' }));
    await per.keyboard.press('Enter');
    const propose = per.getByRole('dialog', { name: 'Sende til signering?' });
    await tabTo(per, propose.getByRole('button', { name: 'Send versjon 2 til signering' }));
    await per.keyboard.press('Enter');
    await per.getByText('Versjon 2 er sendt til signering.').waitFor();
    // Its button went with the step: the focus goes to the steps' heading, not to the start of the page.
    await per.getByRole('button', { name: 'Send versjon 2 til signering' }).waitFor({ state: 'detached' });
    expect(await focusedElement(per)).toBe('H2 Handlinger');
    await rita.goto(`${s.base}/ngo/agreements/${agreementId}`);
    await rita.getByText('Organisasjonen din er bedt om å signere versjon 2.').waitFor();
    await tabTo(rita, rita.getByRole('button', { name: 'Signer avtalen' }));
    await rita.keyboard.press('Enter');
    const sign = rita.getByRole('dialog', { name: 'Signere avtalen?' });
    await tabTo(rita, sign.getByRole('button', { name: 'Signer avtalen' }));
    await rita.keyboard.press('Enter');
    await rita.getByText('Avtalen er signert.').waitFor();
    await rita.getByRole('button', { name: 'Signer avtalen' }).waitFor({ state: 'detached' });
    expect(await focusedElement(rita)).toBe(`H1 ${AGREEMENT}`);
    await per.getByRole('row', { name: /ROSA-prosjektet/ }).getByText(/^Signert /).waitFor();
    const signatures = (await read('query($id: ID!) { agreement(id: $id) { signatures { organizationId version } } }', { id: agreementId })).agreement.signatures;
    expect(signatures).toContainEqual({ organizationId: 'org-rosa', version: 2 });
    await Promise.all([rita, siri, ulrik, per].map((page) => page.context().close()));
  }, 180_000);
});
