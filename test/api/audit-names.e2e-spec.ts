import { ManualClock } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * The audit trail names organisations, meetings and issues as they were called when each event
 * happened: a later rename or retitling does not rewrite what an older entry says.
 */
describe('audit-trail summaries name things as they were called then', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let rosa: string;
  let secretariat: string;
  let auditor: string;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'auditor-per');
  });
  afterAll(() => t?.stop());

  const trail = async (streamId: string, lang: 'NB' | 'EN') =>
    ok(
      await t.gql(
        `query($f: AuditTrailFilter, $lang: Lang) { auditTrail(first: 50, filter: $f) { edges { node { eventType summary(lang: $lang) } } } }`,
        { f: { streamId }, lang },
        auditor,
      ),
    ).auditTrail.edges.map((e: { node: { eventType: string; summary: string } }) => [e.node.eventType, e.node.summary]);

  it('names an organisation, an issue and a meeting as they were at each entry, in both languages', async () => {
    const issueId = ok(
      await t.gql(
        'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id revision } }',
        { input: { organizationId: 'org-rosa', title: 'Botilbud', description: 'Det mangler plasser.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
        rosa,
      ),
    ).submitIssue.id as string;
    ok(await t.gql('mutation($i: CommentOnIssueInput!) { commentOnIssue(input: $i) { id } }', { i: { issueId, text: 'Først.' } }, rosa));
    ok(await t.gql('mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { id } }', { i: { organizationId: 'org-rosa', name: 'ROSA – ny' } }, secretariat));
    ok(
      await t.gql(
        'mutation($i: EditIssueInput!) { editIssue(input: $i) { id } }',
        { i: { issueId, title: 'Botilbud for menn', description: 'Det mangler plasser.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
        rosa,
      ),
    );
    ok(await t.gql('mutation($i: CommentOnIssueInput!) { commentOnIssue(input: $i) { id } }', { i: { issueId, text: 'Etterpå.' } }, rosa));

    const meetingId = ok(
      await t.gql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        { input: { kind: 'REFERENCE_GROUP', title: 'Referansegruppen mars', startsAt: '2026-03-20T09:00:00.000Z', endsAt: '2026-03-20T11:00:00.000Z', location: 'Oslo' } },
        secretariat,
      ),
    ).scheduleMeeting.id as string;
    ok(await t.gql('mutation($i: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $i) { id } }', { i: { issueId, meetingId } }, secretariat));

    const nb = await trail(`issue-${issueId}`, 'NB');
    expect(nb).toEqual([
      ['IssueSubmitted', '«ROSA-prosjektet» meldte inn saken «Botilbud»'],
      ['IssueCommented', '«ROSA-prosjektet» kommenterte sak «Botilbud»'],
      ['IssueEdited', '«ROSA – ny» endret saken «Botilbud for menn»'],
      ['IssueCommented', '«ROSA – ny» kommenterte sak «Botilbud for menn»'],
      ['IssuePlacedOnAgenda', 'Sak «Botilbud for menn» satt på sakslisten til møte «Referansegruppen mars»'],
    ]);
    const en = await trail(`issue-${issueId}`, 'EN');
    expect(en[0]).toEqual(['IssueSubmitted', '“ROSA-prosjektet” submitted the issue “Botilbud”']);
    expect(en[4]).toEqual(['IssuePlacedOnAgenda', 'Issue “Botilbud for menn” placed on the agenda of meeting “Referansegruppen mars”']);

    // The rename's own entry names the organisation by its old name first, then says the new one.
    const renamed = (await trail('organization-org-rosa', 'NB')).filter(([type]: string[]) => type === 'OrganizationRenamed');
    expect(renamed).toEqual([['OrganizationRenamed', 'Organisasjonen «ROSA-prosjektet» fikk navnet «ROSA – ny» fra 2. mars 2026']]);
  });
});
