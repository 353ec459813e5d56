import type { Client } from 'graphql-ws';
import { ManualClock } from '@kom/platform';
import { ok, sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * Live updates that follow one thing over graphql-ws: every step in the story of an issue (its own
 * events and the meetings events about it: agenda items, the decision and each position on it, the
 * action items), and every change to an agreement, each pushed only to those who may read it.
 */
type Sub<T> = AsyncIterableIterator<{ data?: T | null; errors?: unknown }>;

/** Collects what a subscription pushes until `until` says it has seen enough. */
function collect<T, V>(subscription: Sub<T>, pick: (data: T) => V, until: (seen: V[]) => boolean): Promise<V[]> {
  return (async () => {
    const seen: V[] = [];
    for await (const message of subscription) {
      if (message.errors) throw new Error(JSON.stringify(message.errors));
      seen.push(pick(message.data as T));
      if (until(seen)) break;
    }
    return seen;
  })();
}

const refusalOf = async (client: Client, query: string) => {
  const result = await client.iterate({ query }).next().catch((error: unknown) => error);
  return JSON.stringify(result);
};

describe('subscriptions that follow an issue or an agreement', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let noas: string;
  let udi: string;
  let secretariat: string;
  let auditor: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    await t.listen();
    rosa = (await t.representative('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari')).token;
    noas = await t.token('NGO_REPRESENTATIVE', 'org-noas', 'noas-ola');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
  });
  afterAll(() => t?.stop());

  const submit = async (title: string) =>
    ok(
      await t.gql(
        'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }',
        { input: { organizationId: 'org-rosa', title, description: 'Krisesentrene i øst er fulle.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
        rosa,
      ),
    ).submitIssue.id as string;

  async function heldMeetingWith(kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP', startsAt: string, issueId: string, attendees: string[]) {
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
    const meetingId = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind, title: `KOM ${kind}`, startsAt, endsAt, location: 'Politidirektoratet, Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting.id as string;
    ok(await t.gql('mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { id } }', { input: { issueId, meetingId } }, secretariat));
    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId, organizationIds: attendees } }, secretariat));
    return meetingId;
  }

  it('pushes every step of one issue, meetings events included, to its submitter and to agencies; never another issue’s', async () => {
    const issueId = await submit('Kapasitet på krisesentre i øst');
    const otherId = await submit('Tolk ved første samtale');
    const query = `subscription($id: ID!) { issueChanged(issueId: $id) { issueId event position at issue { id status } } }`;
    type Change = { issueChanged: { issueId: string; event: string; position: string; at: string; issue: { id: string; status: string } } };
    const last = (seen: Array<{ event: string }>) => seen.some((c) => c.event === 'ActionItemCompleted');
    const byRosa = collect(t.subscriber(rosa).iterate<Change>({ query, variables: { id: issueId } }) as Sub<Change>, (d) => d.issueChanged, last);
    const byUdi = collect(t.subscriber(udi).iterate<Change>({ query, variables: { id: issueId } }) as Sub<Change>, (d) => d.issueChanged, last);

    // Another NGO may not follow it; an unknown issue is not found.
    expect(await refusalOf(t.subscriber(noas), `subscription { issueChanged(issueId: "${issueId}") { event } }`)).toContain('NOT_OWN_ORGANIZATION');
    expect(await refusalOf(t.subscriber(auditor), 'subscription { issueChanged(issueId: "no-such-issue") { event } }')).toContain('NOT_FOUND');
    await sleep(200); // let graphql-ws register the subscriptions

    ok(await t.gql('mutation($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { id } }', { input: { issueId, text: 'UDI ser det samme i Bergen.' } }, udi));
    ok(await t.gql('mutation($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { id } }', { input: { issueId: otherId, text: 'Gjelder en annen sak.' } }, udi));
    await heldMeetingWith('REFERENCE_GROUP', '2026-03-05T09:00:00.000Z', issueId, ['org-rosa', 'org-noas']);
    ok(await t.gql('mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { id } }', { input: { issueId, decision: 'Sendes til prosjektgruppen.' } }, secretariat));
    clock.set('2026-03-10T08:00:00.000Z');
    await heldMeetingWith('PROJECT_GROUP', '2026-03-12T09:00:00.000Z', issueId, ['org-udi', 'org-politiet']);
    const resolved = ok(
      await t.gql(
        'mutation($input: ResolveIssueInput!) { resolveIssue(input: $input) { outcomeDecisionId lineage { actionItems { actionItemId } } } }',
        { input: { issueId, decision: 'UDI kartlegger kapasiteten før sommeren.', actionItems: [{ description: 'Kartlegg kapasiteten', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' }] } },
        secretariat,
      ),
    ).resolveIssue;
    // The agency dissents on the decision: the submitter hears of it.
    ok(
      await t.gql(
        'mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }',
        { input: { decisionId: resolved.outcomeDecisionId, organizationId: 'org-udi', position: 'OBJECTS', reason: 'Kapasiteten må kartlegges nasjonalt.' } },
        udi,
      ),
    );
    ok(
      await t.gql(
        'mutation($input: CompleteActionItemInput!) { completeActionItem(input: $input) { id } }',
        { input: { actionItemId: resolved.lineage.actionItems[0].actionItemId } },
        secretariat,
      ),
    );

    const [forRosa, forUdi] = await Promise.all([byRosa, byUdi]);
    expect(forUdi).toEqual(forRosa);
    expect(new Set(forRosa.map((c) => c.issueId))).toEqual(new Set([issueId]));
    expect(forRosa.map((c) => c.event).sort()).toEqual(
      [
        'IssueCommented',
        'AgendaItemAdded', 'IssuePlacedOnAgenda', // reference group
        'IssueForwarded', 'DecisionRecorded', // the reference group's decision to forward
        'AgendaItemAdded', 'IssuePlacedOnAgenda', // project group
        'DecisionRecorded', 'ActionItemAssigned', 'IssueResolved',
        'PositionRecorded',
        'ActionItemCompleted',
      ].sort(),
    );
    // In log order, each with the issue as it stood once the step was read.
    expect(forRosa.map((c) => BigInt(c.position))).toEqual([...forRosa.map((c) => BigInt(c.position))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(forRosa[forRosa.length - 1]!.issue).toEqual({ id: issueId, status: 'RESOLVED' });
  });

  it('pushes each change to an agreement to its parties as they may read it; an NGO that is no party may not follow it', async () => {
    const register = async (name: string, kind: string) =>
      ok(await t.gql('mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }', { input: { name, kind } }, secretariat))
        .registerOrganization.id as string;
    const policeId = await register('Øst politidistrikt', 'POLICE');
    const police = (await t.representative('AGENCY_MEMBER', policeId, 'pia')).token;
    const agreement = ok(
      await t.gql(
        'mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id } }',
        {
          input: {
            title: 'Samarbeidsavtale i Øst',
            purpose: 'Tydelige roller mellom politiet og ROSA (tiltak 34).',
            parties: [
              { organizationId: policeId, role: 'Identifiserer og henviser' },
              { organizationId: 'org-rosa', role: 'Trygt bosted' },
            ],
            clauses: [
              { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; ROSA gir bistand.' },
              { section: 'CONTACT_POINTS', nb: 'Hver part utpeker en fast kontaktperson.' },
              { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Opplysninger deles bare med samtykke eller hjemmel.' },
              { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted samme døgn.' },
              { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig.' },
            ],
            effectiveFrom: '2026-04-01',
            expiresOn: '2028-03-31',
          },
        },
        police,
      ),
    ).draftAgreement as { id: string };
    const query = 'subscription($id: ID!) { agreementChanged(agreementId: $id) { id status revision currentVersion { number } } }';
    type Pushed = { agreementChanged: { id: string; status: string; revision: number } };
    const done = (seen: Array<{ status: string }>) => seen.some((a) => a.status === 'TERMINATED');
    const byRosa = collect(t.subscriber(rosa).iterate<Pushed>({ query, variables: { id: agreement.id } }) as Sub<Pushed>, (d) => d.agreementChanged, done);
    const byAuditor = collect(t.subscriber(auditor).iterate<Pushed>({ query, variables: { id: agreement.id } }) as Sub<Pushed>, (d) => d.agreementChanged, done);
    // A draft is the parties' business: whoever is no party does not find it yet.
    const follow = `subscription { agreementChanged(agreementId: "${agreement.id}") { id } }`;
    expect(await refusalOf(t.subscriber(noas), follow)).toContain('NOT_FOUND');
    expect(await refusalOf(t.subscriber(udi), follow)).toContain('NOT_FOUND');
    await sleep(200);

    const write = async (mutation: string, input: Record<string, unknown>, token: string) =>
      ok(await t.gql(`mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input }, token));
    await write('proposeAgreementForSignature', { agreementId: agreement.id, version: 1 }, police);
    await write('signAgreement', { agreementId: agreement.id, version: 1 }, police);
    await write('signAgreement', { agreementId: agreement.id, version: 1 }, rosa);
    // Signed by all, it is on the public record; an NGO that is no party still does not follow it.
    expect(await refusalOf(t.subscriber(noas), follow)).toContain('NOT_A_PARTY');
    clock.set('2026-05-01T08:00:00.000Z');
    await write('terminateAgreement', { agreementId: agreement.id, reason: 'Erstattes av en nasjonal avtale.', effectiveOn: '2026-05-01' }, rosa);

    const [forRosa, forAuditor] = await Promise.all([byRosa, byAuditor]);
    expect(forAuditor).toEqual(forRosa);
    expect(forRosa.map((a) => a.revision)).toEqual([1, 2, 3, 4]);
    expect(forRosa.map((a) => a.status)).toEqual(['AWAITING_SIGNATURES', 'AWAITING_SIGNATURES', expect.stringMatching(/^(PENDING|IN_FORCE)$/), 'TERMINATED']);
  });
});
