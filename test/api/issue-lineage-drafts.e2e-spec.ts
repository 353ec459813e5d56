import { ManualClock } from '@kom/platform';
import { ok, sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * An issue's lineage keeps a draft agenda's secrets: until the agenda is published its item (the
 * secretariat's own title) is listed to the secretariat only, as the draft agenda itself is; now, as
 * of an earlier instant, and in what issueChanged pushes. The issue's status and meetingId say where
 * it is placed all along.
 */
const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }';
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id sourceIssueId } } }';
const UPDATE_ITEM = 'mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { id } }';
const REMOVE_ITEM = 'mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { id } }';
const PUBLISH = 'mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }';
const ISSUE = 'query($id: ID!, $asOf: String) { issue(id: $id, asOf: $asOf) { status meetingId lineage { agendaItems { meetingId title removed } } } }';

type Change = { issueChanged: { event: string; issue: { lineage: { agendaItems: Array<{ title: string }> } } } };

describe('an issue placed on a draft agenda', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let noas: string;
  let udi: string;
  let auditor: string;
  let secretariat: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    await t.listen();
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'noas-ola');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
  });
  afterAll(() => t?.stop());

  const submit = async (title: string): Promise<string> =>
    ok(await t.gql(SUBMIT, { input: { organizationId: 'org-rosa', title, description: 'Krisesentrene i øst er fulle.', category: 'IDENTIFICATION_AND_ASSISTANCE' } }, rosa)).submitIssue.id;
  const schedule = async (startsAt: string): Promise<string> =>
    ok(
      await t.gql(
        SCHEDULE,
        { input: { kind: 'REFERENCE_GROUP', title: 'Referansegruppemøte', startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), location: 'Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting.id;
  const addItem = async (meetingId: string, issueId: string, title: string): Promise<string> =>
    ok(await t.gql(ADD_ITEM, { input: { meetingId, title, sourceIssueId: issueId } }, secretariat)).addAgendaItem.agenda.find((i: any) => i.sourceIssueId === issueId).id;
  const titles = async (issueId: string, token: string, asOf: string | null = null) =>
    (ok(await t.gql(ISSUE, { id: issueId, asOf }, token)).issue.lineage.agendaItems as Array<{ title: string }>).map((item) => item.title);

  it('lists the draft item to the secretariat only until the agenda is published, then to everyone', async () => {
    const issueId = await submit('Kapasitet på krisesentre');
    const meetingId = await schedule('2026-03-20T09:00:00.000Z');
    const follow = (token: string) =>
      t.subscriber(token).iterate<Change>({ query: 'subscription($id: ID!) { issueChanged(issueId: $id) { event issue { lineage { agendaItems { title } } } } }', variables: { id: issueId } });
    const pushed = async (token: string) => {
      const seen: Change['issueChanged'][] = [];
      for await (const message of follow(token)) {
        seen.push(message.data!.issueChanged);
        if (seen.some((c) => c.issue.lineage.agendaItems.some((i) => i.title === 'Kapasitet, slik den er publisert'))) break;
      }
      return seen;
    };
    const byRosa = pushed(rosa);
    const byUdi = pushed(udi);
    const bySecretariat = pushed(secretariat);
    await sleep(200); // let graphql-ws register the subscriptions

    clock.set('2026-03-03T08:00:00.000Z');
    const itemId = await addItem(meetingId, issueId, 'UTKAST: sekretariatets egen tittel');
    clock.set('2026-03-04T08:00:00.000Z');
    ok(await t.gql(UPDATE_ITEM, { input: { meetingId, itemId, title: 'UTKAST 2: fortsatt hemmelig' } }, secretariat));
    const whileDraft = '2026-03-04T12:00:00.000Z';

    for (const reader of [rosa, noas, udi, auditor]) {
      expect(ok(await t.gql(ISSUE, { id: issueId }, reader)).issue).toEqual({ status: 'ON_REFERENCE_AGENDA', meetingId, lineage: { agendaItems: [] } });
      expect(await titles(issueId, reader, whileDraft)).toEqual([]);
    }
    expect(await titles(issueId, secretariat)).toEqual(['UTKAST 2: fortsatt hemmelig']);
    expect(await titles(issueId, secretariat, whileDraft)).toEqual(['UTKAST 2: fortsatt hemmelig']);

    clock.set('2026-03-05T08:00:00.000Z');
    ok(await t.gql(PUBLISH, { input: { meetingId } }, secretariat));
    for (const reader of [rosa, noas, udi, auditor]) {
      expect(await titles(issueId, reader)).toEqual(['UTKAST 2: fortsatt hemmelig']);
      // As of an instant before the publication it was still a draft.
      expect(await titles(issueId, reader, whileDraft)).toEqual([]);
    }

    // A change after publishing is an amendment everyone sees; it ends the subscriptions.
    clock.set('2026-03-06T08:00:00.000Z');
    ok(await t.gql(UPDATE_ITEM, { input: { meetingId, itemId, title: 'Kapasitet, slik den er publisert' } }, secretariat));
    const [forRosa, forUdi, forSecretariat] = await Promise.all([byRosa, byUdi, bySecretariat]);
    for (const seen of [forRosa, forUdi]) {
      const draftTitles = seen.flatMap((c) => c.issue.lineage.agendaItems.map((i) => i.title)).filter((title) => title.startsWith('UTKAST'));
      expect(draftTitles).toEqual([]);
    }
    expect(forSecretariat.flatMap((c) => c.issue.lineage.agendaItems.map((i) => i.title))).toContain('UTKAST: sekretariatets egen tittel');
  });

  it('never lists an item removed from the draft to anyone but the secretariat, also once the agenda is published', async () => {
    const issueId = await submit('Tolk ved første samtale');
    const meetingId = await schedule('2026-03-27T09:00:00.000Z');
    const itemId = await addItem(meetingId, issueId, 'UTKAST: fjernes igjen');
    ok(await t.gql(REMOVE_ITEM, { input: { meetingId, itemId } }, secretariat));
    ok(await t.gql(ADD_ITEM, { input: { meetingId, title: 'Eventuelt' } }, secretariat));
    ok(await t.gql(PUBLISH, { input: { meetingId } }, secretariat));

    for (const reader of [rosa, noas, udi, auditor]) expect(await titles(issueId, reader)).toEqual([]);
    expect(ok(await t.gql(ISSUE, { id: issueId }, secretariat)).issue.lineage.agendaItems).toEqual([{ meetingId, title: 'UTKAST: fjernes igjen', removed: true }]);
  });
});
