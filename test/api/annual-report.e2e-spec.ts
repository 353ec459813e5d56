import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@kom/platform';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { ReplayLogProofs } from '../../apps/api/src/wiring/log-proofs';
import { readModelReportSources } from '../../apps/api/src/wiring/report-sources';
import { TestApp } from '../support/test-app';
import { documentsScenario, type DocumentsScenario } from '../support/documents-scenario';
import { readPdf } from '../support/read-documents';
import { runOperatorCli } from '../support/cli';
import { reportYearScenario, type ReportYearScenario } from '../support/report-year-scenario';

const REPORT = `year edition status editions { edition status correctionNote decisionId publishedPosition publicUrl figures { organizationId begging } }`;
const m = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${REPORT} } }`;

/** The annual status report of measure 6: drafted, fed, approved by a project-group decision, published for anyone, corrected by a new edition. */
describe('The annual status report', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  let s: DocumentsScenario;
  let year: ReportYearScenario;
  let secretariat: string;
  let ngo: string;
  let udi: string;
  const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    s = await documentsScenario(t, clock);
    year = await reportYearScenario(t, clock, s.decisionIds[0]!);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
    clock.set('2028-02-01T09:00:00.000Z');
    await t.data(m('draftStatusReport', 'StatusReportYearInput'), { input: { year: 2027 } }, secretariat);
    const chapter = (chapter: string, lang: string, text: string) =>
      t.data(m('writeStatusReportChapter', 'WriteStatusReportChapterInput'), { input: { year: 2027, chapter, lang, text } }, secretariat);
    await chapter('TRENDS', 'NB', 'Flere identifiserte i tvangsarbeid.\n\n- landbruk\n- bygg');
    await chapter('CHALLENGES', 'NB', 'Samarbeid på tvers av etater tar tid.');
    await chapter('RESEARCH_NEEDS', 'EN', 'Research on forced criminality is needed.');
    await t.data(m('recordStatusReportFigures', 'RecordStatusReportFiguresInput'), { input: { year: 2027, organizationId: 'org-udi', sexualExploitation: 23, forcedLabour: 11, begging: 3 } }, udi);
    await t.data(m('recordStatusReportFigures', 'RecordStatusReportFiguresInput'), { input: { year: 2027, organizationId: 'org-nav', sexualExploitation: 7, forcedLabour: 9 } }, secretariat);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('flags research needs: the submitting NGO or the secretariat on an issue, the secretariat on a decision', async () => {
    const noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'nils');
    const flag = 'mutation($input: FlagResearchNeedInput!) { flagResearchNeed(input: $input) { id researchNeed } }';
    const other = await t.gql(flag, { input: { issueId: year.open, text: 'Noe annet' } }, noas);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    const agency = await t.gql(flag, { input: { issueId: year.open, text: 'Noe annet' } }, udi);
    expect(agency.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const decision = await t.gql('mutation($input: FlagDecisionResearchNeedInput!) { flagDecisionResearchNeed(input: $input) { id } }', { input: { decisionId: s.decisionIds[1], text: 'Noe annet' } }, ngo);
    expect(decision.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const read = await t.data('query($id: ID!, $d: ID!) { issue(id: $id) { researchNeed } decision(id: $d) { researchNeed } }', { id: year.open, d: s.decisionIds[0] }, secretariat);
    expect(read).toEqual({ issue: { researchNeed: 'Lite kunnskap om tvungen kriminalitet blant unge.' }, decision: { researchNeed: 'Hva avtalene betyr for ofrene.' } });
  });

  it('refuses an agency figures for another organisation, and a decision that is not the project group’s', async () => {
    const other = await t.gql(m('recordStatusReportFigures', 'RecordStatusReportFiguresInput'), { input: { year: 2027, organizationId: 'org-nav', other: 1 } }, udi);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    const unknown = await t.gql(m('approveStatusReport', 'ApproveStatusReportInput'), { input: { year: 2027, decisionId: 'no-such-decision' } }, secretariat);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'APPROVING_DECISION_NOT_FOUND' });
  });

  it('keeps the draft from an NGO, and publishes an approved edition that anyone can GET, the same bytes each time', async () => {
    expect((await t.data(`query { statusReport(year: 2027) { year } }`, {}, ngo)).statusReport).toBeNull();
    const draft = await get('/documents/annual-report.pdf?year=2027', ngo);
    expect(draft.statusCode).toBe(403);
    expect(draft.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'REPORT_NOT_PUBLISHED' } });
    expect((await get('/reports/2027.pdf')).statusCode).toBe(404);

    await t.data(m('approveStatusReport', 'ApproveStatusReportInput'), { input: { year: 2027, decisionId: s.decisionIds[0] } }, secretariat);
    const published = (await t.data(m('publishStatusReport', 'StatusReportYearInput'), { input: { year: 2027 } }, secretariat)).publishStatusReport;
    expect(published.editions[0]).toMatchObject({ status: 'PUBLISHED', decisionId: s.decisionIds[0], publicUrl: '/reports/2027/1.pdf' });

    const pdf = await get('/reports/2027.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['x-kom-position']).toBe(published.editions[0].publishedPosition);
    // A published edition never changes and is the same for everyone: any cache may keep it.
    expect(pdf.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await t.app.inject({ method: 'GET', url: '/reports/2027/1.pdf', headers: { 'if-none-match': String(pdf.headers.etag) } });
    expect({ status: again.statusCode, cache: again.headers['cache-control'] }).toEqual({ status: 304, cache: 'public, max-age=31536000, immutable' });
    // Read with credentials, the same report is built for that reader: private, at the position or live.
    expect((await get('/documents/annual-report.pdf?year=2027&edition=1', secretariat)).headers['cache-control']).toBe('private, no-cache');
    const atPosition = await get(`/documents/annual-report.pdf?year=2027&edition=1&position=${published.editions[0].publishedPosition}`, secretariat);
    expect({ status: atPosition.statusCode, cache: atPosition.headers['cache-control'] }).toEqual({ status: 200, cache: 'private, max-age=31536000, immutable' });
    expect((await get('/reports/2031.pdf')).headers['cache-control']).not.toMatch(/public/);
    const reading = await readPdf(pdf.rawPayload);
    expect(reading.lang).toBe('nb-NO');
    expect(reading.outline).toEqual(expect.arrayContaining(['Trender', 'Utfordringer', 'Forskningsbehov', 'Møter og oppmøte', 'Vedtak og dissens']));
    expect(reading.roles).toEqual(expect.arrayContaining(['Table', 'TH', 'TD']));
    const text = reading.text.replace(/\s+/g, ' ');
    // UDI: 23, 11, 0, 3 → "< 5", 0; its total and the begging total are withheld; NAV's row is whole.
    expect(text).toMatch(/23 11 0 < 5 0 ·/);
    expect(text).toMatch(/7 9 0 0 0 16/);
    expect(text).toMatch(/30 20 0 · 0 ·/);
    expect(text).not.toMatch(/\b37\b|\b53\b/); // UDI's total, and the grand total, would give the 3 away
    expect(text).toContain('Research on forced criminality is needed.');
    expect(text).toContain('Prosjektgruppen 3');
    expect(text).toContain('Referansegruppen 1');
    // Issues per measure: raised, forwarded, resolved, closed, withdrawn, open.
    expect(text).toMatch(/Tiltak Meldt Videresendt Løst Lukket Trukket Åpne 6 1 0 0 0 0 1 17 1 0 1 0 0 0 34 2 0 1 1 0 0/);
    // Agreements per police party: in force at year end, signed, renewed, terminated.
    expect(text).toMatch(/Politiet 1 1 0 0/);
    // Research needs flagged on an issue (by ROSA) and on a decision (by the secretariat), beside the secretariat's text.
    const research = text.slice(text.lastIndexOf('Forskningsbehov meldt i saker og vedtak i 2027'));
    expect(research).toMatch(/Sak: Forskning på tvangskriminalitet 6 Lite kunnskap om tvungen kriminalitet blant unge\./);
    expect(research).toMatch(/Vedtak: Prosjektgruppemøte januar, 2027-01-12 34 Hva avtalene betyr for ofrene\./);
    expect(text).toContain('Vedtak og dissens');

    expect((await get('/reports/2027.pdf')).rawPayload.equals(pdf.rawPayload)).toBe(true);
    const en = await get('/reports/2027/1.html?lang=en');
    expect(en.statusCode).toBe(200);
    expect(en.payload).toContain('<html lang="en">');
    expect(en.payload).toContain('Identified presumed victims, by form of exploitation');

    const store = t.app.get<EventStore>(EVENT_STORE);
    const builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store), reportSources: readModelReportSources });
    expect(await builder.verify(pdf.rawPayload)).toMatchObject({ identical: true });
  });

  it('writes the published edition from the command line, and verify finds it identical to the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-report-cli-'));
    try {
      const file = join(dir, 'report.pdf');
      const written = await runOperatorCli(t.config.dataDir, ['report', '2027', '--format', 'pdf', '--lang', 'en', '--edition', '1', '--out', file]);
      expect({ code: written.code, err: written.err }).toEqual({ code: 0, err: '' });
      expect(written.out).toMatch(new RegExp(`^wrote ${file}: .*position \\d+, sha256 [0-9a-f]{64}$`));
      const reading = await readPdf(readFileSync(file));
      expect(reading.lang).toBe('en-GB');
      expect(reading.text).toContain('Research on forced criminality is needed.');
      const verified = await runOperatorCli(t.config.dataDir, ['verify', '--document', file]);
      expect(verified.code).toBe(0);
      expect(verified.out).toContain('identical to the');
      expect((await runOperatorCli(t.config.dataDir, ['report', '2027', '--format', 'pdf', '--edition', 'first'])).code).toBe(2);
      expect((await runOperatorCli(t.config.dataDir, ['report', '--format', 'pdf'])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('corrects with a new edition that says what changed; edition 1 stays byte-identical', async () => {
    const before = (await get('/reports/2027/1.pdf')).rawPayload;
    const correction = await t.gql(m('correctStatusReport', 'CorrectStatusReportInput'), { input: { year: 2027, note: ' ' } }, secretariat);
    expect(correction.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CORRECTION_NOTE_REQUIRED' });
    await t.data(m('correctStatusReport', 'CorrectStatusReportInput'), { input: { year: 2027, note: 'NAVs tall for tvangsarbeid rettet.' } }, secretariat);
    await t.data(m('recordStatusReportFigures', 'RecordStatusReportFiguresInput'), { input: { year: 2027, organizationId: 'org-nav', sexualExploitation: 7, forcedLabour: 10 } }, secretariat);
    expect((await get('/reports/2027/2.pdf')).statusCode).toBe(404);
    await t.data(m('approveStatusReport', 'ApproveStatusReportInput'), { input: { year: 2027, decisionId: s.decisionIds[0] } }, secretariat);
    await t.data(m('publishStatusReport', 'StatusReportYearInput'), { input: { year: 2027 } }, secretariat);
    const second = await get('/reports/2027.pdf');
    const text = (await readPdf(second.rawPayload)).text;
    expect(text).toContain('NAVs tall for tvangsarbeid rettet.');
    expect(second.rawPayload.equals(before)).toBe(false);
    expect((await get('/reports/2027/1.pdf')).rawPayload.equals(before)).toBe(true);
  });
});
