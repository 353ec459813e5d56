import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_DATA_KEYS, ManualClock, type PersonalDataKeys } from '@kom/platform';
import { runOperatorCli } from '../support/cli';
import { ok } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * decisionHistory over a real story (an NGO's issue, forwarded by the reference group, resolved by
 * the project group with an action item, a position, an agreement citing the decision, a later
 * decision superseding it), then a representative restricted and forgotten: every query, the audit
 * trail and the evidence bundle read "erased", and verify still passes.
 */
describe('audit: decision history and erasure that keeps the record verifiable', () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  let t: TestApp;
  let secretariat: string;
  let auditor: string;
  let rosa: string;
  let udi: string;
  let issueId: string;
  let decisionId: string;
  let newDecisionId: string;
  let agreementId: string;

  async function meetingWithItem(kind: 'REFERENCE_GROUP' | 'PROJECT_GROUP', startsAt: string, attendees: string[], placeIssue?: string) {
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
    const meetingId = ok(
      await t.gql('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', { input: { kind, title: `KOM ${kind}`, startsAt, endsAt, location: 'Oslo' } }, secretariat),
    ).scheduleMeeting.id as string;
    let itemId: string;
    if (placeIssue) {
      itemId = ok(await t.gql('mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { agendaItemId } }', { input: { issueId: placeIssue, meetingId } }, secretariat))
        .placeIssueOnAgenda.agendaItemId;
    } else {
      const agenda = ok(await t.gql('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id } } }', { input: { meetingId, title: 'Oppfølging av vedtak' } }, secretariat))
        .addAgendaItem.agenda as Array<{ id: string }>;
      itemId = agenda[0]!.id;
    }
    ok(await t.gql('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { input: { meetingId } }, secretariat));
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    ok(await t.gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { meetingId, organizationIds: attendees } }, secretariat));
    return { meetingId, itemId };
  }

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { KOM_AUDIT_CHECKPOINT_EVERY: '50' } });
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor-per');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'udi-anne');

    issueId = ok(
      await t.gql('mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }', {
        input: { organizationId: 'org-rosa', title: 'Shelter capacity', description: 'Shelters in the east are full.', category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['FORCED_LABOUR'] },
      }, rosa),
    ).submitIssue.id;
    await meetingWithItem('REFERENCE_GROUP', '2026-03-05T09:00:00.000Z', ['org-rosa', 'org-noas'], issueId);
    ok(await t.gql('mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { status } }', { input: { issueId, decision: 'Forwarded to the project group.' } }, secretariat));
    clock.set('2026-03-10T08:00:00.000Z');
    await meetingWithItem('PROJECT_GROUP', '2026-03-12T09:00:00.000Z', ['org-udi', 'org-politiet'], issueId);
    const resolved = ok(
      await t.gql('mutation($input: ResolveIssueInput!) { resolveIssue(input: $input) { status outcomeDecisionId } }', {
        input: { issueId, decision: 'UDI maps shelter capacity in the east.', actionItems: [{ description: 'Map shelter capacity', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31' }] },
      }, secretariat),
    ).resolveIssue;
    expect(resolved.status).toBe('RESOLVED');
    decisionId = resolved.outcomeDecisionId;
    ok(await t.gql('mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id } }', { input: { decisionId, organizationId: 'org-udi', position: 'SUPPORTS' } }, udi));
    agreementId = ok(
      await t.gql('mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id } }', {
        input: {
          title: 'Samarbeidsavtale om bosted',
          purpose: 'Tydelige roller (tiltak 34).',
          parties: [{ organizationId: 'org-politiet', role: 'Identifiserer' }, { organizationId: 'org-udi', role: 'Bosted' }],
          clauses: [{ section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; UDI skaffer bosted.' }],
          effectiveFrom: '2026-04-01',
          citedDecisionIds: [decisionId],
        },
      }, secretariat),
    ).draftAgreement.id;
    clock.set('2026-04-01T08:00:00.000Z');
    const later = await meetingWithItem('PROJECT_GROUP', '2026-04-09T09:00:00.000Z', ['org-udi', 'org-politiet']);
    newDecisionId = ok(
      await t.gql('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
        input: { meetingId: later.meetingId, agendaItemId: later.itemId, text: 'UDI and IMDi map capacity nationwide.', supersedes: decisionId },
      }, secretariat),
    ).recordDecision.id;
    ok(await t.gql('mutation($input: SupersedeDecisionInput!) { supersedeDecision(input: $input) { status } }', { input: { decisionId, supersededByDecisionId: newDecisionId } }, secretariat));
  }, 60_000);

  let stopped = false;
  afterAll(async () => {
    if (!stopped) await t?.stop();
    else rmSync(t.config.dataDir, { recursive: true, force: true });
  });

  const HISTORY = `query($id: ID!) { decisionHistory(decisionId: $id) {
    decisionId text status meetingId agendaItemId supersedes supersededBy
    meeting { id kind title startsAt } agendaItem { id title sourceIssueId removed } issue { id title status organizationId }
    attendance positions { organizationId position reason } actionItems { id description responsibleOrganizationId dueDate status }
    agreements { id title status }
    steps { kind entry { position eventId eventType streamId occurredAt hash actor { userId organizationId role } en: summary(lang: EN) } } } }`;

  it('tells a decision’s whole story, each step with its audit entry, in log order', async () => {
    const h = ok(await t.gql(HISTORY, { id: decisionId }, auditor)).decisionHistory;
    expect(h).toMatchObject({
      decisionId,
      text: 'UDI maps shelter capacity in the east.',
      status: 'SUPERSEDED',
      supersededBy: newDecisionId,
      meeting: { kind: 'PROJECT_GROUP', startsAt: '2026-03-12T09:00:00.000Z' },
      agendaItem: { sourceIssueId: issueId, removed: false },
      issue: { id: issueId, title: 'Shelter capacity', status: 'RESOLVED', organizationId: 'org-rosa' },
      attendance: ['org-politiet', 'org-udi'],
      positions: [{ organizationId: 'org-udi', position: 'SUPPORTS', reason: null }],
      actionItems: [{ description: 'Map shelter capacity', responsibleOrganizationId: 'org-udi', dueDate: '2026-05-31', status: 'OPEN' }],
      agreements: [{ id: agreementId, title: 'Samarbeidsavtale om bosted', status: 'DRAFT' }],
    });
    const steps = h.steps as Array<{ kind: string; entry: { position: string; eventType: string; streamId: string; hash: string; actor: { userId: string }; en: string } }>;
    const kinds = steps.map((s) => `${s.kind}:${s.entry.eventType}`);
    for (const expected of [
      'ISSUE:IssueSubmitted', 'ISSUE:IssueForwarded', 'ISSUE:IssueResolved', 'MEETING:MeetingScheduled', 'AGENDA_ITEM:AgendaItemAdded',
      'AGENDA_PUBLISHED:AgendaPublished', 'ATTENDANCE:AttendanceRecorded', 'DECISION:DecisionRecorded', 'POSITION:PositionRecorded',
      'ACTION_ITEM:ActionItemAssigned', 'AGREEMENT:AgreementDrafted', 'SUPERSESSION:DecisionRecorded', 'SUPERSESSION:DecisionSuperseded',
    ]) expect(kinds).toContain(expected);
    // The issue's submission comes first, the supersession last: the log's order.
    expect(kinds[0]).toBe('ISSUE:IssueSubmitted');
    expect(kinds[kinds.length - 1]).toBe('SUPERSESSION:DecisionSuperseded');
    const positions = steps.map((s) => BigInt(s.entry.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    expect(steps.every((s) => /^[0-9a-f]{64}$/.test(s.entry.hash) && s.entry.en.length > 0)).toBe(true);
    const position = steps.find((s) => s.kind === 'POSITION')!;
    expect(position.entry.actor.userId).toBe('udi-anne');
    expect(position.entry.en).toBe(`“Utlendingsdirektoratet” supports decision ${decisionId}`);
    // Steps of other decisions at the same meeting, or other items, are not in it.
    expect(steps.filter((s) => s.entry.eventType === 'DecisionRecorded').length).toBe(2);
  });

  it('is for auditors and the secretariat; an unknown decision is null', async () => {
    expect(ok(await t.gql(HISTORY, { id: decisionId }, secretariat)).decisionHistory.decisionId).toBe(decisionId);
    expect((await t.gql(HISTORY, { id: decisionId }, rosa)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(HISTORY, { id: decisionId }, udi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await t.gql(HISTORY, { id: 'no-such-decision' }, auditor)).decisionHistory).toBeNull();
  });

  describe('restricting and forgetting a person', () => {
    const REP = 'id organizationId name email erased restricted removed';
    const LEGAL_BASIS = 'GDPR art. 17(1)(a)';
    let personId: string;
    const asSeenBy = async (token: string) => ({
      one: ok(await t.gql(`query($id: ID!) { representative(id: $id) { ${REP} } }`, { id: personId }, token)).representative,
      list: ok(await t.gql(`{ organization(id: "org-rosa") { representatives { ${REP} } } }`, {}, token)).organization.representatives,
    });

    beforeAll(async () => {
      personId = ok(
        await t.gql(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { ${REP} } }`, {
          input: { organizationId: 'org-rosa', name: 'Kari Nordmann', email: 'kari@rosa.example' },
        }, secretariat),
      ).addRepresentative.id;
    });

    it('restricts: hidden from everyone but auditors, nothing deleted; an event with the legal basis', async () => {
      const restricted = ok(await t.gql(`mutation($input: PersonDataInput!) { restrictPerson(input: $input) { ${REP} } }`, { input: { personId, legalBasis: LEGAL_BASIS } }, secretariat)).restrictPerson;
      expect(restricted).toMatchObject({ id: personId, name: null, email: null, restricted: true, erased: false });
      for (const token of [secretariat, udi, rosa]) {
        const seen = await asSeenBy(token);
        expect(seen.one).toMatchObject({ name: null, email: null, restricted: true });
        expect(seen.list).toEqual([expect.objectContaining({ id: personId, name: null, restricted: true })]);
      }
      expect((await asSeenBy(auditor)).one).toMatchObject({ name: 'Kari Nordmann', email: 'kari@rosa.example', restricted: true, erased: false });
      const again = await t.gql(`mutation($input: PersonDataInput!) { restrictPerson(input: $input) { id } }`, { input: { personId, legalBasis: LEGAL_BASIS } }, secretariat);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERSON_ALREADY_RESTRICTED' });
    });

    it('forgets (secretariat only, with a legal basis): the key is shredded and every query reads erased', async () => {
      const forget = (token: string, legalBasis = LEGAL_BASIS) =>
        t.gql(`mutation($input: PersonDataInput!) { forgetPerson(input: $input) { ${REP} } }`, { input: { personId, legalBasis } }, token);
      expect((await forget(rosa)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await forget(auditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await forget(secretariat, ' ')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LEGAL_BASIS_REQUIRED' });
      expect(ok(await forget(secretariat)).forgetPerson).toMatchObject({ id: personId, name: null, email: null, erased: true });
      expect((await forget(secretariat)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERSON_ALREADY_ERASED' });
      expect(await t.app.get<PersonalDataKeys>(PERSONAL_DATA_KEYS).get(personId)).toBeUndefined();
      for (const token of [secretariat, udi, rosa, auditor]) {
        const seen = await asSeenBy(token);
        expect(seen.one).toMatchObject({ id: personId, name: null, email: null, erased: true });
        if (seen.list) expect(seen.list).toEqual([expect.objectContaining({ id: personId, name: null, email: null, erased: true })]);
        expect(JSON.stringify(seen)).not.toMatch(/Kari|kari@/);
      }
    });

    it('the audit trail marks the person erased and holds neither the data nor its sealed text', async () => {
      const trail = ok(
        await t.gql(`query($s: String) { auditTrail(filter: { streamId: $s }) { edges { node { eventType personalData hash nb: summary en: summary(lang: EN) } } } }`, { s: `representative-${personId}` }, auditor),
      ).auditTrail.edges.map((e: any) => e.node);
      expect(trail.map((e: any) => [e.eventType, e.personalData])).toEqual([
        ['RepresentativeAdded', 'ERASED'],
        ['PersonalDataRestricted', 'ERASED'],
        ['PersonalDataErased', 'ERASED'],
      ]);
      expect(trail[2].en).toBe(`The personal data of ${personId} was erased (its key shredded). Legal basis: ${LEGAL_BASIS}`);
      const row = t.app.get<{ db: import('better-sqlite3').Database }>(Symbol.for('kom.ReadModels')).db
        .prepare(`SELECT data FROM audit_trail WHERE stream_id = ? AND event_type = 'RepresentativeAdded'`).get(`representative-${personId}`) as { data: string };
      expect(JSON.parse(row.data)).toEqual({ representativeId: personId, organizationId: 'org-rosa', details: 'erased' });
    });

    it('after the erasure, verify passes, and the exported bundle holds only ciphertext nobody can open — and verifies offline', async () => {
      await t.stop({ keepData: true });
      stopped = true;
      const dataDir = t.config.dataDir;
      const cli = (...argv: string[]) => runOperatorCli(dataDir, argv, { stderrToOut: true });
      const verified = await cli('verify');
      expect(verified.out).toMatch(/: valid/);
      expect(verified.code).toBe(0);
      const file = join(dataDir, 'evidence.jsonl');
      expect((await cli('export-audit', '--from', '2026-01-01', '--to', '2026-12-31', '--out', file)).code).toBe(0);
      const bundle = readFileSync(file, 'utf8');
      expect(bundle).not.toMatch(/Kari|kari@rosa/);
      const added = bundle.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.kind === 'event' && l.event.type === 'RepresentativeAdded' && l.event.data.representativeId === personId);
      expect(added.event.data.details).toMatch(/^v1\./); // the ciphertext the chain hashed; its key is gone
      const offline = await cli('verify', '--bundle', file);
      expect(offline.code).toBe(0);
    });
  });
});
