import { ManualClock } from '@kom/platform';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { ReplayLogProofs } from '../../apps/api/src/wiring/log-proofs';
import { TestApp } from '../support/test-app';
import { readPdf } from '../support/read-documents';

const TITLE = 'Utnyttelse i Łódź, Brașov og Šiauliai; Пловдив';
const DESCRIPTION = 'Samarbeid med Fundația Ușa Deschisă';
// Long enough to wrap several times, with words drawn by two faces (Ł, ș, ț: Latin Extended).
const WRAPPING = Array.from({ length: 14 }, (_, i) => `${i + 1}. Łódź og Brașov, Šiauliai og Пловдив, Fundația Ușa Deschisă;`).join(' ');
const UNCOVERED = 'Hilsen مرحبا og שלום 👍🏽';

/**
 * The official record names people and places in many scripts: a PDF shows and lets a reader search
 * Polish, Romanian, Lithuanian, Cyrillic and Greek letters, and marks what its fonts cannot draw.
 */
describe('PDFs in the scripts KOM meets', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  const SECRETARIAT = { role: 'SECRETARIAT', organizationId: 'org-pod' };
  let t: TestApp;
  let builder: DocumentBuilder;
  let secretariat: string;
  let meetingId: string;
  const agenda = (position?: bigint) => builder.build({ kind: 'agenda', format: 'pdf', lang: 'nb', params: { meetingId }, position }, SECRETARIAT);

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const store = t.app.get<EventStore>(EVENT_STORE);
    builder = new DocumentBuilder({ store, projections: CONTEXTS.flatMap((c) => c.projections), proofs: new ReplayLogProofs(store) });
    const schedule = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
    meetingId = (await t.data(schedule, { input: { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', startsAt: '2027-01-12T09:00:00+01:00', endsAt: '2027-01-12T11:00:00+01:00', location: 'Oslo' } }, secretariat)).scheduleMeeting.id;
    const add = (title: string, description: string) =>
      t.data('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { meetingId, title, description } }, secretariat);
    await add(TITLE, DESCRIPTION);
    await add('Ordliste', WRAPPING);
    await add('Hilsener', UNCOVERED);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('holds Łódź, Brașov, Šiauliai and Пловдив in its text layer exactly, in the bold heading and the body, and no NUL', async () => {
    const { text } = await readPdf((await agenda()).bytes);
    expect(text).toContain(`Sak 1: ${TITLE}`);
    expect(text).toContain(DESCRIPTION);
    expect(text).not.toContain('\u0000');
  });

  it('wraps a long paragraph between words, never inside a word where the face changes', async () => {
    const { text } = await readPdf((await agenda()).bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(WRAPPING);
  });

  it('writes U+FFFD for each character no embedded font has (Arabic, Hebrew, emoji)', async () => {
    const { text } = await readPdf((await agenda()).bytes);
    expect(text).toContain('Hilsen ����� og ���� ��');
  });

  it('is the same bytes when built again at its position after the log moved on, and verifies', async () => {
    const first = await agenda();
    await t.data('mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }', { input: { name: 'Fundația Ușa Deschisă', kind: 'NGO' } }, secretariat);
    const later = await agenda(BigInt(first.provenance.position));
    expect((await agenda()).provenance.position).not.toBe(first.provenance.position);
    expect(later.bytes.equals(first.bytes)).toBe(true);
    expect(await builder.verify(first.bytes)).toMatchObject({ identical: true });
  });
});
