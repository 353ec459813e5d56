import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@kom/platform';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { DOCUMENT_LAYOUT, DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { ReplayLogProofs } from '../../apps/api/src/wiring/log-proofs';
import { TestApp } from '../support/test-app';
import { runOperatorCli } from '../support/cli';
import { documentsScenario, type DocumentsScenario } from '../support/documents-scenario';
import { readCsv, readIcs, readPdf, readXlsx } from '../support/read-documents';

/** A CSV document with its stamp edited (the stamp is base64url JSON on a comment line). */
function restampCsv(bytes: Buffer, edit: (stamp: Record<string, unknown>) => void): Buffer {
  const text = bytes.toString('utf8');
  const token = /# kom-provenance: (\S+)/.exec(text)![1]!;
  const stamp = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(stamp);
  return Buffer.from(text.replace(token, Buffer.from(JSON.stringify(stamp), 'utf8').toString('base64url')), 'utf8');
}

/** The file as it would have been stamped before layouts were recorded. */
const withoutLayout = (bytes: Buffer) => restampCsv(bytes, (stamp) => delete stamp.layout);

/**
 * Documents KOM publishes, built from the log: read back with independent parsers, the same bytes
 * for the same position, verified against the log, and what each caller may see.
 */
describe('Documents built from the log', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  let s: DocumentsScenario;
  let secretariat: string;
  let ngo: string;
  let builder: DocumentBuilder;
  const SECRETARIAT = { role: 'SECRETARIAT', organizationId: 'org-pod' };

  let registered = 0;
  /** Appends to the log, so that "now" is a later position than the document's. */
  const moveTheLogOn = async () => {
    const before = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    registered += 1;
    await t.data(`mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`, { input: { name: `Kirkens Bymisjon ${registered}`, kind: 'NGO' } }, secretariat);
    expect(await t.app.get<EventStore>(EVENT_STORE).headPosition()).toBeGreaterThan(before);
  };
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  beforeAll(async () => {
    // Checkpoints every 40 events, so that documents extend signed checkpoints.
    t = await TestApp.start({ clock, env: { KOM_AUDIT_CHECKPOINT_EVERY: '40' } });
    s = await documentsScenario(t, clock);
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    const store = t.app.get<EventStore>(EVENT_STORE);
    builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store) });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  describe('what they say, read back by independent parsers', () => {
    it('minutes as a tagged PDF: text, language, bookmarks, structure, fonts and the stamp', async () => {
      const built = await builder.build({ kind: 'minutes', format: 'pdf', lang: 'nb', params: { meetingId: s.first } }, SECRETARIAT);
      const pdf = await readPdf(built.bytes);
      expect(pdf.text).toContain('Referat: Prosjektgruppemøte januar');
      expect(pdf.text).toContain('KOM anbefaler samarbeidsavtaler i alle politidistrikt.');
      expect(pdf.text).toContain('Har innsigelse');
      expect(pdf.text).toContain('Ressurser, "først" i 2028');
      expect(pdf.text).toContain('Utkast til mal for avtaler');
      expect(pdf.text).toContain('01.03.2027');
      expect(pdf.info).toMatchObject({ Title: 'Referat: Prosjektgruppemøte januar', marked: true, Language: 'nb-NO' });
      expect((pdf.info.Custom as Record<string, string>).KomProvenance).toBeTruthy();
      expect(pdf.outline).toEqual(expect.arrayContaining(['Til stede', 'Vedtak', 'Oppfølgingspunkter', 'Proveniens']));
      expect(pdf.roles).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI']));
      expect(built.bytes.toString('latin1')).toMatch(/\/FontFile2/);
      expect(built.bytes.toString('latin1')).toMatch(/pdfuaid:part/);
    });

    it('the agenda in English, with the item added after publishing marked', async () => {
      const built = await builder.build({ kind: 'agenda', format: 'pdf', lang: 'en', params: { meetingId: s.first } }, SECRETARIAT);
      const pdf = await readPdf(built.bytes);
      expect(pdf.text).toContain('Agenda: Prosjektgruppemøte januar');
      expect(pdf.text).toContain('Project group meeting');
      expect(pdf.text).toMatch(/Item 3: Eventuelt \(added after publishing\)/);
      expect(pdf.text).toContain('Changes after publishing');
      expect(pdf.lang ?? pdf.info.Language).toBe('en-GB');
    });

    it('accessible HTML: language, one h1, escaped text, the stamp as meta and footer', async () => {
      const built = await builder.build({ kind: 'agenda', format: 'html', lang: 'nb', params: { meetingId: s.first } }, SECRETARIAT);
      const html = built.bytes.toString('utf8');
      expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).toContain('Se &quot;veilederen&quot; &lt;utkast&gt; fra POD.');
      expect(html).not.toContain('<utkast>');
      expect(html).toMatch(/<meta name="kom-provenance" content="\{&quot;audience&quot;/);
      expect(html).toContain('<main id="content">');
      expect(html).toContain('(lagt til etter publisering)');
    });

    it('the decision register as RFC 4180 CSV with a BOM, stamp comments, escaping and no live formulas', async () => {
      const built = await builder.build({ kind: 'decision-register', format: 'csv', lang: 'nb' }, SECRETARIAT);
      const csv = readCsv(built.bytes);
      expect(csv.hadBom).toBe(true);
      expect(built.bytes.toString('utf8')).toContain('\r\n');
      expect(csv.comments[1]).toMatch(/^# kom-provenance: [A-Za-z0-9_-]+$/);
      expect(csv.header.slice(0, 3)).toEqual(['Vedtak-ID', 'Registrert', 'Møte']);
      expect(csv.rows.map((r) => r[0]).sort()).toEqual([...s.decisionIds].sort());
      const first = csv.rows.find((r) => r[0] === s.decisionIds[0]);
      expect(first![6]).toBe('KOM anbefaler samarbeidsavtaler i alle politidistrikt.');
      expect(first![10]).toBe('Arbeids- og velferdsdirektoratet: Har innsigelse (Ressurser, "først" i 2028); Utlendingsdirektoratet: Støtter');
      expect(first![11]).toBe('Arbeids- og velferdsdirektoratet: Ressurser, "først" i 2028');
      const filtered = readCsv((await builder.build({ kind: 'decision-register', format: 'csv', params: { measure: '6' } }, SECRETARIAT)).bytes);
      expect(filtered.rows.map((r) => r[0])).toEqual([s.decisionIds[1]]);
    });

    it("filters the register by a measure of any plan: the plan is the measure's, 2011-2014 when left out", async () => {
      const rows = async (params: Record<string, string>) =>
        readCsv((await builder.build({ kind: 'decision-register', format: 'csv', params }, SECRETARIAT)).bytes).rows.map((r) => r[0]);
      expect(await rows({ measure: '6', plan: '2011-2014' })).toEqual([s.decisionIds[1]]);
      // Measure 6 of another plan is another measure: no decision cites it.
      expect(await rows({ measure: '6', plan: '2006-2009' })).toEqual([]);
      expect(await rows({ measure: '1', plan: '2006-2009' })).toEqual([]);
      // The same filter over GraphQL, and the address it answers carries the plan.
      const link = await t.data(
        'query($input: DocumentInput!) { document(input: $input) { url } }',
        { input: { kind: 'DECISION_REGISTER', format: 'CSV', measure: 6, plan: '2006-2009' } },
        secretariat,
      );
      expect(link.document.url).toMatch(/[?&]plan=2006-2009(&|$)/);
      const file = await get(link.document.url as string, secretariat);
      expect(file.statusCode).toBe(200);
      expect(readCsv(file.rawPayload).rows).toEqual([]);
      // A plan that is no plan id, or a plan without its measure, is a typed refusal over GraphQL too.
      for (const input of [{ measure: 6, plan: "2006-2009' OR 1=1 --" }, { plan: '2006-2009' }]) {
        const refused = await t.gql('query($input: DocumentInput!) { document(input: $input) { url } }', { input: { kind: 'DECISION_REGISTER', format: 'CSV', ...input } }, { token: secretariat });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DOCUMENT_PARAMETER' });
      }
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      const { neutraliseFormula } = await import('@kom/documents');
      expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', 'plain', '1-2'].map(neutraliseFormula)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", 'plain', '1-2']);
    });

    it('the same register as XLSX, with a provenance sheet', async () => {
      const csv = readCsv((await builder.build({ kind: 'decision-register', format: 'csv', lang: 'en' }, SECRETARIAT)).bytes);
      const built = await builder.build({ kind: 'decision-register', format: 'xlsx', lang: 'en' }, SECRETARIAT);
      const { sheets } = await readXlsx(built.bytes);
      const register = sheets['Decision register']!;
      expect(register[0]).toEqual(csv.header);
      expect(register.slice(1).map((r) => r.slice(0, 8))).toEqual(csv.rows.map((r) => r.slice(0, 8)));
      expect(sheets.Provenance![0]![0]).toBe('kom-provenance');
      expect(sheets.Provenance![1]).toEqual(['Log position', built.provenance.position]);
    });

    it('a calendar (RFC 5545): stable UIDs, Oslo times with VTIMEZONE, SEQUENCE that grows, CANCELLED', async () => {
      const before = readIcs((await builder.build({ kind: 'calendar', format: 'ics', params: { body: 'PROJECT_GROUP' } }, SECRETARIAT)).bytes);
      expect(before.timezones).toEqual(['Europe/Oslo']);
      expect(before.x['X-KOM-PROVENANCE']).toMatch(/^[A-Za-z0-9_-]+$/);
      const march = before.events.find((e) => e.uid === `meeting-${s.draftOnly}@kom-platform`)!;
      expect(march).toMatchObject({ startZone: 'Europe/Oslo', startLocal: '2027-03-09T09:00:00', startUtc: '2027-03-09T08:00:00.000Z', status: 'CONFIRMED' });
      expect(before.events.find((e) => e.uid === `meeting-${s.first}@kom-platform`)?.startLocal).toBe('2027-01-12T09:00:00');

      await t.data(`mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }`, { input: { meetingId: s.draftOnly, reason: 'Flyttet til april' } }, secretariat);
      const after = readIcs((await builder.build({ kind: 'calendar', format: 'ics', params: { body: 'PROJECT_GROUP' } }, SECRETARIAT)).bytes);
      const cancelled = after.events.find((e) => e.uid === march.uid)!;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.sequence).toBeGreaterThan(march.sequence);
      expect(after.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
      expect(cancelled.dtstamp).toMatch(/Z$/);
    });
  });

  describe('provenance', () => {
    const kinds = [
      ['agenda', 'pdf'],
      ['agenda', 'html'],
      ['minutes', 'pdf'],
      ['minutes', 'html'],
      ['decision-register', 'csv'],
      ['decision-register', 'xlsx'],
      ['calendar', 'ics'],
    ] as const;
    const paramsOf = (kind: string): Record<string, string> =>
      kind === 'calendar' ? { body: 'PROJECT_GROUP' } : kind === 'decision-register' ? {} : { meetingId: s.first };

    it.each(kinds)('%s as %s: the same position gives the same bytes, also after the log moved on', async (kind, format) => {
      const first = await builder.build({ kind, format, lang: 'nb', params: paramsOf(kind) }, SECRETARIAT);
      await moveTheLogOn();
      const later = await builder.build({ kind, format, lang: 'nb', params: paramsOf(kind), position: BigInt(first.provenance.position) }, SECRETARIAT);
      expect(later.sha256).toBe(first.sha256);
      expect(later.bytes.equals(first.bytes)).toBe(true);
      expect(await builder.verify(first.bytes)).toMatchObject({ identical: true, sha256: first.sha256 });
    });

    it('a document changed after it was built does not verify, and says where', async () => {
      const built = await builder.build({ kind: 'decision-register', format: 'csv', lang: 'nb' }, SECRETARIAT);
      const tampered = Buffer.from(built.bytes.toString('utf8').replace('Har innsigelse', 'Støtter'), 'utf8');
      const result = await builder.verify(tampered);
      expect(result).toMatchObject({ identical: false, reason: 'CONTENT_DIFFERS' });
      expect(result.identical === false && result.reason === 'CONTENT_DIFFERS' && result.differences[0]).toMatch(/^line \d+: file has .*Støtter \(Ressurser.*the log gives .*Har innsigelse/);
      const html = await builder.build({ kind: 'minutes', format: 'html', lang: 'nb', params: { meetingId: s.first } }, SECRETARIAT);
      expect((await builder.verify(Buffer.from(html.bytes.toString('utf8').replace('Støtter', 'Har innsigelse'), 'utf8'))).identical).toBe(false);
      const pdf = await builder.build({ kind: 'minutes', format: 'pdf', lang: 'nb', params: { meetingId: s.first } }, SECRETARIAT);
      const flipped = Buffer.from(pdf.bytes);
      flipped[Math.floor(flipped.length / 2)] ^= 0x01;
      const pdfResult = await builder.verify(flipped);
      expect(pdfResult).toMatchObject({ identical: false, reason: 'CONTENT_DIFFERS' });
      expect(pdfResult.identical === false && pdfResult.reason === 'CONTENT_DIFFERS' && pdfResult.differences[0]).toMatch(/differ from byte \d+/);
    });

    it('names the newest signed checkpoint in the log at its position; at a signed position its root is the signed root', async () => {
      const auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
      const page = await t.data(`{ auditCheckpoints(first: 100) { edges { node { treeSize rootHash position } } pageInfo { hasNextPage } } }`, {}, auditor);
      expect(page.auditCheckpoints.pageInfo.hasNextPage).toBe(false);
      const auditCheckpoints = page.auditCheckpoints.edges.map((e: { node: unknown }) => e.node) as Array<{ treeSize: number; rootHash: string; position: string }>;
      expect(auditCheckpoints.length).toBeGreaterThan(1);
      const [first, second] = auditCheckpoints;
      // At the last leaf the second checkpoint covers, that checkpoint is not yet in the log: the first one is named.
      const atLeaf = await builder.build({ kind: 'decision-register', format: 'csv', position: BigInt(second.position) }, SECRETARIAT);
      expect(atLeaf.provenance).toMatchObject({ position: second.position, treeSize: second.treeSize, rootHash: second.rootHash });
      expect(atLeaf.provenance.checkpoint).toMatchObject({ treeSize: first.treeSize, rootHash: first.rootHash });
      const now = await builder.build({ kind: 'decision-register', format: 'csv' }, SECRETARIAT);
      expect(now.provenance.checkpoint!.treeSize).toBe(auditCheckpoints[auditCheckpoints.length - 1].treeSize);
      // The server names the same checkpoint at the same position (its notary's table, not a replay).
      const served = await get(`/documents/decision-register.csv?position=${second.position}`, secretariat);
      expect(served.headers.etag).toBe(`"${atLeaf.sha256}"`);
    });

    it('the server (its live read models and notary) and a replay of the log give the same bytes', async () => {
      const served = await get(`/documents/minutes.html?meetingId=${s.first}&lang=en`, secretariat);
      const position = BigInt(served.headers['x-kom-position'] as string);
      const replayed = await builder.build({ kind: 'minutes', format: 'html', lang: 'en', params: { meetingId: s.first }, position }, SECRETARIAT);
      expect(served.headers.etag).toBe(`"${replayed.sha256}"`);
    });

    it('a file of an earlier layout is told apart from a changed one: its stamp is checked, its bytes cannot be', async () => {
      const built = await builder.build({ kind: 'decision-register', format: 'csv', lang: 'nb' }, SECRETARIAT);
      expect(built.provenance.layout).toBe(DOCUMENT_LAYOUT);
      // The same file as it was stamped before layouts were recorded (its stamp has no layout), or with its stamp changed.
      const restamped = (edit: (stamp: Record<string, unknown>) => void) => restampCsv(built.bytes, edit);
      const older = await builder.verify(withoutLayout(built.bytes));
      expect(older).toMatchObject({ identical: false, reason: 'LAYOUT_CHANGED', layout: { file: 1, current: DOCUMENT_LAYOUT }, stampMatchesLog: true });
      const olderAndFalse = await builder.verify(
        restamped((stamp) => {
          delete stamp.layout;
          stamp.rootHash = '0'.repeat(64);
        }),
      );
      expect(olderAndFalse).toMatchObject({ identical: false, reason: 'LAYOUT_CHANGED', stampMatchesLog: false });
      // The current layout with a changed stamp is a changed file.
      expect(await builder.verify(restamped((stamp) => (stamp.rootHash = '0'.repeat(64))))).toMatchObject({ identical: false, reason: 'CONTENT_DIFFERS' });
      await expect(builder.verify(restamped((stamp) => (stamp.layout = 'two')))).rejects.toThrow('layout that is not a positive integer');
    });

    it('a file without a stamp is refused as such', async () => {
      await expect(builder.verify(Buffer.from('Vedtak-ID,Registrert\r\n1,2\r\n'))).rejects.toThrow('no KOM provenance stamp');
    });
  });

  describe('over HTTP and GraphQL, with the read side\'s access rules', () => {
    it('downloads a document with its type, a meaningful file name and an ETag; 304 when unchanged', async () => {
      const response = await get(`/documents/minutes.pdf?meetingId=${s.first}&lang=en`, ngo);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^inline; filename="kom-minutes-[0-9a-f]{8}-en-p\d+\.pdf"/);
      const etag = response.headers.etag as string;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const again = await get(`/documents/minutes.pdf?meetingId=${s.first}&lang=en&position=${response.headers['x-kom-position']}`, ngo, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      const csv = await get('/documents/decision-register.csv?status=ACTIVE', ngo);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="kom-decision-register-nb-p\d+\.csv"/);
    });

    it('answers refusals with the code and reason GraphQL gives', async () => {
      const cases: Array<[string, string | undefined, number, string]> = [
        [`/documents/agenda.pdf?meetingId=${s.second}`, undefined, 401, 'UNAUTHENTICATED'],
        [`/documents/agenda.html?meetingId=nope`, ngo, 404, 'MEETING_NOT_FOUND'],
        [`/documents/agenda.csv?meetingId=${s.first}`, ngo, 400, 'UNSUPPORTED_DOCUMENT_FORMAT'],
        [`/documents/budget.pdf`, ngo, 400, 'UNKNOWN_DOCUMENT_KIND'],
        [`/documents/agenda.pdf?meetingId=${s.first}&extra=1`, ngo, 400, 'UNKNOWN_DOCUMENT_PARAMETER'],
        [`/documents/agenda.pdf?meetingId=${s.first}&position=-3`, ngo, 400, 'INVALID_POSITION'],
        [`/documents/agenda.pdf?meetingId=${s.first}&position=99999999`, ngo, 400, 'POSITION_NOT_IN_LOG'],
        [`/documents/agenda.pdf?meetingId=${s.first}&lang=de`, ngo, 400, 'UNSUPPORTED_LANGUAGE'],
        [`/documents/decision-register.csv?from=2027-13-01`, ngo, 400, 'INVALID_DOCUMENT_PARAMETER'],
        [`/documents/decision-register.csv?measure=1&plan=2006_2009`, ngo, 400, 'INVALID_DOCUMENT_PARAMETER'],
        [`/documents/decision-register.csv?plan=2006-2009`, ngo, 400, 'INVALID_DOCUMENT_PARAMETER'],
      ];
      for (const [url, token, status, reasonOrCode] of cases) {
        const response = await get(url, token);
        expect({ url, status: response.statusCode }).toEqual({ url, status });
        const error = JSON.parse(response.body).error;
        expect([error.reason, error.code]).toContain(reasonOrCode);
      }
    });

    it("a draft agenda is the secretariat's only, as on the read side", async () => {
      // s.draftOnly was cancelled above; its agenda was never published.
      expect((await get(`/documents/agenda.html?meetingId=${s.draftOnly}`, ngo)).statusCode).toBe(403);
      expect(JSON.parse((await get(`/documents/agenda.html?meetingId=${s.draftOnly}`, ngo)).body).error.reason).toBe('AGENDA_NOT_PUBLISHED');
      const own = await get(`/documents/agenda.html?meetingId=${s.draftOnly}`, secretariat);
      expect(own.statusCode).toBe(200);
      expect(own.body).toContain('(utkast)');
      const gql = await t.gql(`query($input: DocumentInput!) { document(input: $input) { url } }`, { input: { kind: 'AGENDA', format: 'PDF', meetingId: s.draftOnly } }, ngo);
      expect(gql.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENDA_NOT_PUBLISHED' });
    });

    it('GraphQL answers the provenance and a URL that gives exactly that file', async () => {
      const data = await t.data(
        `query($input: DocumentInput!) { document(input: $input) { title fileName contentType url byteLength sha256 position eventHash rootHash treeSize } }`,
        { input: { kind: 'DECISION_REGISTER', format: 'XLSX', lang: 'EN', body: 'PROJECT_GROUP' } },
        ngo,
      );
      const link = data.document;
      expect(link).toMatchObject({ title: 'Decision register', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(link.url).toBe(`/documents/decision-register.xlsx?body=PROJECT_GROUP&lang=en&position=${link.position}`);
      await moveTheLogOn();
      const file = await get(link.url, ngo);
      expect(file.statusCode).toBe(200);
      expect(file.headers.etag).toBe(`"${link.sha256}"`);
      expect(file.rawPayload.length).toBe(link.byteLength);
    });

    it('POST /documents/verify tells an auditor whether a file is what the log says', async () => {
      const auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
      const file = await get(`/documents/minutes.html?meetingId=${s.first}`, auditor);
      const verify = (content: Buffer) =>
        t.app.inject({ method: 'POST', url: '/documents/verify', headers: { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' }, payload: { contentBase64: content.toString('base64') } });
      expect(JSON.parse((await verify(file.rawPayload)).body)).toMatchObject({ identical: true, kind: 'minutes' });
      const changed = JSON.parse((await verify(Buffer.from(file.body.replace('Politiet', 'Tolletaten')))).body);
      expect(changed).toMatchObject({ identical: false, reason: 'CONTENT_DIFFERS' });
      expect(changed.differences.length).toBeGreaterThan(0);
      // A file built before layouts were recorded: told apart, with a sentence a person can read.
      const register = await builder.build({ kind: 'decision-register', format: 'csv', lang: 'nb' }, SECRETARIAT);
      const older = JSON.parse((await verify(withoutLayout(register.bytes))).body);
      expect(older).toMatchObject({ identical: false, reason: 'LAYOUT_CHANGED', layout: { file: 1, current: DOCUMENT_LAYOUT }, stampMatchesLog: true });
      expect(older.differences[0]).toMatch(/built with document layout 1 .* cannot be compared; its stamp .* is what the log gives/);
      expect((await verify(Buffer.from('no stamp here'))).statusCode).toBe(400);
    });

    const verifyAs = async (token: string, content: Buffer) => {
      const answer = await t.app.inject({ method: 'POST', url: '/documents/verify', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: { contentBase64: content.toString('base64') } });
      return { status: answer.statusCode, body: answer.body, json: JSON.parse(answer.body) as { identical?: boolean; differences?: string[]; error?: { reason?: string } } };
    };

    it("verifies a file for a caller only as far as the caller's own view of it goes", async () => {
      // The secretariat's calendar names the draft agenda's item; an NGO's view of it does not.
      const calendar = (await get('/documents/calendar.ics?body=PROJECT_GROUP', secretariat)).rawPayload;
      expect(calendar.toString('utf8')).toContain('Utkast til sak');
      const asNgo = await verifyAs(ngo, calendar);
      expect(asNgo).toMatchObject({ status: 403, json: { error: { reason: 'DOCUMENT_VIEW_NOT_YOURS' } } });
      // Changed or not, the answer reads nothing of the view: no lines, not even whether it is identical.
      const changed = await verifyAs(ngo, Buffer.from(calendar.toString('utf8').replace('Utkast til sak', 'Gjetning'), 'utf8'));
      expect(changed.json.error?.reason).toBe('DOCUMENT_VIEW_NOT_YOURS');
      for (const answer of [asNgo, changed]) expect(answer.body).not.toMatch(/Utkast til sak|identical|differences/);
      // The secretariat, whose view it is, verifies it.
      expect((await verifyAs(secretariat, calendar)).json).toMatchObject({ identical: true });
      // A view no wider than the caller's is verified: NOAS's calendar has what ROSA's has.
      const noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'nils');
      const noasCalendar = (await get('/documents/calendar.ics?body=PROJECT_GROUP', noas)).rawPayload;
      expect((await verifyAs(ngo, noasCalendar)).json).toMatchObject({ identical: true });
    });

    it('refuses a forged stamp for a draft agenda with the reason a download gets, and tells nothing of it', async () => {
      const draft = await builder.build({ kind: 'agenda', format: 'html', lang: 'nb', params: { meetingId: s.draftOnly } }, SECRETARIAT);
      expect(draft.bytes.toString('utf8')).toContain('Utkast til sak');
      // Only the stamp, which names the secretariat: the file an attacker can write without the agenda.
      const stampOnly = Buffer.from(/<meta name="kom-provenance" content="[^"]*">/.exec(draft.bytes.toString('utf8'))![0], 'utf8');
      const answer = await verifyAs(ngo, stampOnly);
      expect(answer).toMatchObject({ status: 403, json: { error: { reason: 'AGENDA_NOT_PUBLISHED' } } });
      expect(answer.body).not.toContain('Utkast til sak');
    });

    it('answers a hostile stamp with a typed 400, as a download with the same values', async () => {
      const register = (await get('/documents/decision-register.csv?lang=nb', ngo)).rawPayload;
      const reasonOf = async (edit: (stamp: Record<string, unknown>) => void) => {
        const answer = await verifyAs(ngo, restampCsv(register, edit));
        return `${answer.status} ${answer.json.error?.reason}`;
      };
      expect(await reasonOf((st) => (st.position = 'abc'))).toBe('400 INVALID_POSITION');
      expect(await reasonOf((st) => (st.position = '0'))).toBe('400 INVALID_POSITION');
      expect(await reasonOf((st) => (st.position = '-1'))).toBe('400 INVALID_POSITION');
      expect(await reasonOf((st) => (st.position = '99999999999'))).toBe('400 POSITION_NOT_IN_LOG');
      expect(await reasonOf((st) => (st.params = { status: 'NOPE' }))).toMatch(/^400 (INVALID_DOCUMENT_PARAMETER|UNKNOWN_ENUM)$/);
      expect(await reasonOf((st) => (st.params = { meetingId: { a: 1 } }))).toMatch(/^400 [A-Z_]+$/);
      expect(await reasonOf((st) => (st.lang = 'de'))).toBe('400 UNSUPPORTED_LANGUAGE');
      expect(await reasonOf((st) => (st.kind = 'nonsense'))).toMatch(/^400 UNKNOWN_DOCUMENT_KIND$/);
      // The same file, its stamp untouched, is still verified.
      expect((await verifyAs(ngo, register)).json).toMatchObject({ identical: true });
    });
  });

  describe('calendar feeds by secret URL', () => {
    const CREATE = `mutation($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { url feed { id body organizationId lang revokedAt } } }`;
    const REVOKE = `mutation($input: RevokeCalendarFeedInput!) { revokeCalendarFeed(input: $input) { id revokedAt } }`;

    it("serves the owner's view to a calendar program without credentials, until revoked", async () => {
      const agency = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
      const { createCalendarFeed: created } = await t.data(CREATE, { input: { organizationId: 'org-udi', lang: 'EN' } }, agency);
      expect(created.url).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await get(created.url);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const ics = readIcs(feed.rawPayload);
      expect(ics.events.map((e) => e.uid)).toEqual(expect.arrayContaining([`meeting-${s.first}@kom-platform`]));
      expect((await t.data(`{ calendarFeeds { id } }`, {}, agency)).calendarFeeds.map((f: { id: string }) => f.id)).toContain(created.feed.id);

      const other = await t.gql(REVOKE, { input: { feedId: created.feed.id } }, await t.token('AGENCY_MEMBER', 'org-udi', 'someone-else'));
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await get(created.url)).statusCode).toBe(200);

      const revoked = await t.data(REVOKE, { input: { feedId: created.feed.id } }, agency);
      expect(revoked.revokeCalendarFeed.revokedAt).toBeTruthy();
      const gone = await get(created.url);
      const unknown = await get('/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
      expect([gone.statusCode, unknown.statusCode]).toEqual([404, 404]);
      expect(gone.body).toBe(unknown.body);
    });

    it("refuses an NGO representative a feed of another organisation", async () => {
      const response = await t.gql(CREATE, { input: { organizationId: 'org-noas' } }, ngo);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    });
  });
});

describe('Documents from the command line, while the API runs', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  let s: DocumentsScenario;
  let dir: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    s = await documentsScenario(t, clock);
    dir = mkdtempSync(join(tmpdir(), 'kom-docs-cli-'));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each kind to a file and verifies it against the log: identical, or what differs', async () => {
    const cases: Array<[string[], string]> = [
      [['agenda', s.first, '--format', 'pdf', '--lang', 'en'], 'agenda.pdf'],
      [['minutes', s.first, '--format', 'html'], 'minutes.html'],
      [['register', '--format', 'xlsx', '--body', 'PROJECT_GROUP'], 'register.xlsx'],
      [['register', '--format', 'csv', '--measure', '34'], 'register.csv'],
      [['register', '--format', 'csv', '--measure', '6', '--plan', '2006-2009'], 'register-2006-2009.csv'],
      [['calendar', '--body', 'PROJECT_GROUP'], 'calendar.ics'],
    ];
    for (const [argv, name] of cases) {
      const file = join(dir, name);
      const written = await runOperatorCli(t.config.dataDir, [...argv, '--out', file]);
      expect({ name, code: written.code, err: written.err }).toEqual({ name, code: 0, err: '' });
      expect(written.out).toMatch(new RegExp(`^wrote ${file}: .*position \\d+, sha256 [0-9a-f]{64}$`));
      const verified = await runOperatorCli(t.config.dataDir, ['verify', '--document', file]);
      expect({ name, code: verified.code }).toEqual({ name, code: 0 });
      expect(verified.out).toContain('identical to the');
    }
    // The plan reached the register: measure 6 of 2006–2009 is cited by no decision.
    expect(readCsv(readFileSync(join(dir, 'register-2006-2009.csv'))).rows).toEqual([]);
    const csv = join(dir, 'register.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('Har innsigelse', 'Støtter'));
    const tampered = await runOperatorCli(t.config.dataDir, ['verify', '--document', csv]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/line \d+: file has .*Støtter/);
    expect(tampered.err).toMatch(/is not what the log gives for decision-register \(csv, nb\) at position \d+/);
    const older = join(dir, 'register-layout-1.csv');
    writeFileSync(older, withoutLayout(readFileSync(join(dir, 'register-2006-2009.csv'))));
    const olderVerified = await runOperatorCli(t.config.dataDir, ['verify', '--document', older]);
    expect(olderVerified.code).toBe(1);
    expect(olderVerified.out).toMatch(/built with document layout 1 and this platform builds layout \d+.*its stamp .* is what the log gives/);
    expect(olderVerified.err).toMatch(/cannot be compared byte for byte with decision-register .*: another document layout/);
  });

  it('refuses a wrong request with the usage (exit 2) or the reason (exit 1)', async () => {
    expect((await runOperatorCli(t.config.dataDir, ['agenda', '--format', 'pdf'])).code).toBe(2);
    expect((await runOperatorCli(t.config.dataDir, ['register', '--format', 'csv', '--position', 'soon'])).code).toBe(2);
    const missing = await runOperatorCli(t.config.dataDir, ['minutes', 'no-such-meeting', '--format', 'pdf', '--out', join(dir, 'x.pdf')]);
    expect(missing).toMatchObject({ code: 1, err: 'minutes failed: meeting no-such-meeting not found' });
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
