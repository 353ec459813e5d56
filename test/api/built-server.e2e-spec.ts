import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { EmbeddedIssuer } from '@kom/auth';
import { loadConfig } from '@kom/platform';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { readPdf } from '../support/read-documents';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const TITLE = 'Utnyttelse i Łódź, Brașov og Šiauliai; Пловдив';

/**
 * The server as `npm start` and the container image run it: bundled by nest build's webpack and
 * started with node, not from the TypeScript sources as every other test starts it. The bundle
 * differs where the bundler rewrites code: a require.resolve it turned into a module id made every
 * PDF answer 500 while the sources, under jest and tsx, built them fine.
 */
describe('the built server', () => {
  let root: string;
  let dataDir: string;
  let api: ApiProcess | undefined;
  let secretariat: string;
  let auditor: string;
  let meetingId: string;

  const call = (path: string, init: RequestInit = {}, token = secretariat) =>
    fetch(api!.url(path), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const data = async (query: string, input: Record<string, unknown> = {}, token = secretariat) => {
    const body = (await (await call('/graphql', { method: 'POST', body: JSON.stringify({ query, variables: { input } }) }, token)).json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const pdf = async (path: string) => {
    const response = await call(path);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), bytes };
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kom-built-'));
    // Laid out as the image is: app/dist beside app/node_modules, which the bundle keeps external.
    const app = join(root, 'app');
    mkdirSync(app);
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    await promisify(execFile)(process.execPath, [join(ROOT, 'test', 'support', 'build-api-bundle.js'), join(app, 'dist')], { cwd: ROOT, maxBuffer: 16 << 20 });
    dataDir = join(root, 'data');
    const issuer = await EmbeddedIssuer.open(loadConfig({ KOM_DATA_DIR: dataDir, NODE_ENV: 'test' }).auth);
    secretariat = await issuer.issue({ userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' });
    auditor = await issuer.issue({ userId: 'aud', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' });
    api = await startApiProcess(dataDir, join(root, 'work'), {}, join(app, 'dist', 'apps', 'api', 'main.js'));
    if (!(await api.serving(90_000))) throw new Error(`the built server did not start:\n${api.output()}`);
    const schedule = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
    meetingId = (await data(schedule, { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', startsAt: '2030-01-15T09:00:00+01:00', endsAt: '2030-01-15T11:00:00+01:00', location: 'Oslo' })).scheduleMeeting.id;
    await data('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { meetingId, title: TITLE, description: 'Samarbeid med Fundația Ușa Deschisă' });
  }, 300_000);

  afterAll(async () => {
    api?.process.kill('SIGKILL');
    await api?.exited;
    rmSync(root, { recursive: true, force: true });
  });

  it('answers health', async () => {
    expect((await fetch(api!.url('/health'))).status).toBe(200);
  });

  it('builds an agenda PDF over HTTP and GraphQL, and verifies it', async () => {
    const agenda = await pdf(`/documents/agenda.pdf?meetingId=${meetingId}`);
    expect(agenda).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(agenda.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await readPdf(agenda.bytes)).text).toContain(TITLE);

    const built = (await data('query($input: DocumentInput!) { document(input: $input) { url sha256 } }', { kind: 'AGENDA', format: 'PDF', meetingId })).document;
    const byUrl = await pdf(built.url);
    expect(byUrl.status).toBe(200);
    expect(byUrl.bytes.equals(agenda.bytes)).toBe(true);

    const verify = await call('/documents/verify', { method: 'POST', body: JSON.stringify({ contentBase64: agenda.bytes.toString('base64') }) });
    expect(verify.ok).toBe(true);
    expect(await verify.json()).toMatchObject({ identical: true, kind: 'agenda' });
  });

  it('builds the annual report as a PDF', async () => {
    await data('mutation($input: StatusReportYearInput!) { draftStatusReport(input: $input) { year } }', { year: 2029 });
    const report = await pdf('/documents/annual-report.pdf?year=2029');
    expect(report).toMatchObject({ status: 200, type: 'application/pdf' });
    expect((await readPdf(report.bytes)).pages).toBeGreaterThan(0);
  });

  it('verifies the log in its worker thread, bundled beside main.js', async () => {
    const report = (await data('{ verifyIntegrity { valid checkedEvents } }', {}, auditor)).verifyIntegrity;
    expect(report.valid).toBe(true);
    expect(report.checkedEvents).toBeGreaterThan(0);
  });

  it('checkpoints the log from its worker thread: the events reach the database file, not only its WAL', async () => {
    // Copied without its -wal file, the database holds only what a checkpoint copied into it.
    const copy = join(root, 'events-without-wal.sqlite');
    const eventsInFile = (): number => {
      copyFileSync(join(dataDir, 'events.sqlite'), copy);
      const db = new Database(copy);
      try {
        const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
        return table ? (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n : 0;
      } catch {
        return 0; // copied halfway through a checkpoint: try again
      } finally {
        db.close();
      }
    };
    let found = eventsInFile();
    for (let attempt = 0; !found && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = eventsInFile();
    }
    expect(found).toBeGreaterThan(0);
  });
});
