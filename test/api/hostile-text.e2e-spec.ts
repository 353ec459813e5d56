import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kom/event-store';
import { ProjectionsService } from '@kom/platform';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id title } }';
const INVISIBLE = '\u200B\u2060\u200D';

/**
 * Free text an attacker sent the running platform: refused now, and what events recorded before the
 * text policy hold is read alike everywhere and never breaks a document.
 */
describe('hostile text over GraphQL and in documents', () => {
  let t: TestApp;
  let secretariat: string;
  let rosa: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
  });
  afterAll(() => t.stop());

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const issueInput = { organizationId: 'org-rosa', title: 'Shelter capacity', description: 'Shelters in the east are full.', category: 'IDENTIFICATION_AND_ASSISTANCE' };
  const refusal = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions;
  /** An event as one recorded before the text policy: straight into the log, past every decider. */
  async function recordedBefore(streamId: string, like: RecordedEvent, data: object): Promise<void> {
    const { position } = await store().appendToStream(streamId, [{ id: randomUUID(), type: like.type, data: { ...(like.data as object), ...data }, metadata: like.metadata }]);
    await t.app.get(ProjectionsService).waitFor(position);
  }
  const firstOfType = async (type: string) => (await store().readAll()).find((e) => e.type === type)!;

  it('takes an issue title or description of invisible characters as missing, and a control character as refused', async () => {
    const before = await store().headPosition();
    expect(refusal(await t.gql(SUBMIT, { input: { ...issueInput, title: INVISIBLE } }, rosa))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TITLE_REQUIRED', field: 'title' });
    expect(refusal(await t.gql(SUBMIT, { input: { ...issueInput, description: INVISIBLE } }, rosa))).toMatchObject({ reason: 'DESCRIPTION_REQUIRED' });
    expect(refusal(await t.gql(SUBMIT, { input: { ...issueInput, title: 'Lone\uD800X' } }, rosa))).toMatchObject({ reason: 'TEXT_NOT_ALLOWED', field: 'title' });
    expect(await store().headPosition()).toBe(before);
  });

  it('reads an old title with a lone surrogate the same from the read model and as of a moment', async () => {
    const submitted = (await t.data(SUBMIT, { input: issueInput }, rosa)).submitIssue;
    const [event] = await store().readStream(`issue-${submitted.id}`);
    const issueId = randomUUID();
    await recordedBefore(`issue-${issueId}`, event!, { issueId, title: 'Lone\uD800X' });
    const asOf = new Date(Date.now() + 60_000).toISOString();
    const read = await t.data('query($id: ID!, $asOf: String) { now: issue(id: $id) { title } then: issue(id: $id, asOf: $asOf) { title } }', { id: issueId, asOf }, secretariat);
    expect(read.now.title).toBe('Lone\uFFFDX');
    expect(read.then.title).toBe(read.now.title);
  });

  it('builds the decision register with an old U+FFFE as a workbook that opens, and it verifies', async () => {
    const decisionId = await recordProjectGroupDecision(t);
    const decided = (await store().readAll()).find((e) => e.type === 'DecisionRecorded' && (e.data as { decisionId: string }).decisionId === decisionId)!;
    await recordedBefore(decided.streamId, decided, { decisionId: randomUUID(), text: 'Gammelt vedtak\uFFFE\u0007' });
    const link = (await t.data('query($input: DocumentInput!) { document(input: $input) { url } }', { input: { kind: 'DECISION_REGISTER', format: 'XLSX', body: 'PROJECT_GROUP' } }, secretariat)).document;
    const file = await t.app.inject({ method: 'GET', url: link.url, headers: { authorization: `Bearer ${secretariat}` } });
    expect(file.statusCode).toBe(200);
    const strings = await (await JSZip.loadAsync(file.rawPayload)).files['xl/sharedStrings.xml']!.async('string');
    expect(strings).toContain('Gammelt vedtak\uFFFD\uFFFD');
    expect(strings).not.toMatch(/[\uFFFE\u0007]/);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/documents/verify',
      headers: { authorization: `Bearer ${secretariat}`, 'content-type': 'application/json' },
      payload: { contentBase64: file.rawPayload.toString('base64') },
    });
    expect(JSON.parse(verified.body)).toMatchObject({ identical: true });
  });

  it('writes a calendar feed without the control characters of an old meeting title', async () => {
    const scheduled = await firstOfType('MeetingScheduled');
    const meetingId = randomUUID();
    await recordedBefore(`meeting-${meetingId}`, scheduled, { meetingId, title: 'Møte\u0000\u0001 om tiltak' });
    const link = (await t.data('{ document(input: { kind: CALENDAR, format: ICS, body: PROJECT_GROUP }) { url } }', {}, secretariat)).document;
    const ics = (await t.app.inject({ method: 'GET', url: link.url, headers: { authorization: `Bearer ${secretariat}` } })).body;
    expect(ics).toContain('Møte\uFFFD\uFFFD om tiltak');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
  });
});
