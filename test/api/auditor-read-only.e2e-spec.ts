import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, type GraphQLField } from 'graphql';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { recordProjectGroupDecision } from '../support/record-decision';
import { mutationDocument, mutationVariables, type KnownIds } from '../support/schema-operations';
import { TestApp } from '../support/test-app';

/**
 * Auditors change nothing. Every mutation of the schema as built now (so a mutation added later is
 * tried too, whatever the policy table says of it) is sent by auditors, aimed at records that exist,
 * and each must be refused by the guard — FORBIDDEN, ROLE_NOT_ALLOWED — with the log untouched. The
 * auditors sit in an audit office, in the secretariat's own organisation and in the police: the role
 * decides, never the organisation.
 */
describe('an auditor changes nothing: every mutation of the schema is refused', () => {
  let t: TestApp;
  let store: EventStore;
  let mutations: GraphQLField<unknown, unknown>[] = [];
  let ids: KnownIds = {};

  beforeAll(async () => {
    t = await TestApp.start({ env: { KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    const decisionId = await recordProjectGroupDecision(t);
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const decision = await t.data<{ decision: { meetingId: string; agendaItemId: string } }>(
      'query($id: ID!) { decision(id: $id) { meetingId agendaItemId } }',
      { id: decisionId },
      secretariat,
    );
    const categories = schema.getType('IssueCategory');
    if (!isEnumType(categories)) throw new Error('IssueCategory is not an enum');
    const issue = await t.data<{ submitIssue: { id: string } }>(
      'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }',
      {
        input: {
          organizationId: 'org-rosa',
          category: categories.getValues()[0].value,
          title: 'Tolk ved første samtale',
          description: 'Behov for tolk ved første samtale med politiet.',
        },
      },
      await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-1'),
    );
    ids = {
      decisionId,
      meetingId: decision.decision.meetingId,
      agendaItemId: decision.decision.agendaItemId,
      itemId: decision.decision.agendaItemId,
      issueId: issue.submitIssue.id,
    };
  });
  afterAll(() => t?.stop());

  /** What was appended since `head` on an auditor's behalf, or caused by one (a checkpoint, a reactor's command). */
  const byAuditors = async (head: bigint) =>
    (await store.readAll({ fromPosition: head }))
      .filter((e) => {
        const actor = e.metadata.actor as { role?: string; userId?: string } | undefined;
        return actor?.role === 'AUDITOR' || /^(auditor-of-|revisor)/.test(actor?.userId ?? '') || e.streamId === 'audit-checkpoints';
      })
      .map((e) => `${e.streamId} ${e.type}`);

  it('finds the mutations in the built schema, the on-demand checkpoint among them', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['createAuditCheckpoint', 'recordDecision', 'signAgreement']));
  });

  it.each(['org-riksrevisjonen', 'org-pod', 'org-politiet'])('refuses each one to an auditor of %s and appends nothing', async (organizationId) => {
    const token = await t.token('AUDITOR', organizationId, `auditor-of-${organizationId}`);
    const head = await store.headPosition();
    const answered: string[] = [];
    for (const field of mutations) {
      const response = await t.gql(mutationDocument(field), mutationVariables(field, organizationId, ids), { token });
      const error = response.errors?.[0]?.extensions;
      answered.push(`${field.name}: ${error?.code ?? 'ok'}${error?.reason ? `:${error.reason}` : ''}`);
    }
    expect(answered).toEqual(mutations.map((m) => `${m.name}: FORBIDDEN:ROLE_NOT_ALLOWED`));
    expect(await byAuditors(head)).toEqual([]);
  });

  it('also refuses them sent together in one document', async () => {
    const token = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
    const head = await store.headPosition();
    const response = await t.gql('mutation { a: createAuditCheckpoint { treeSize } b: createAuditCheckpoint { treeSize } }', {}, { token });
    expect(response.data ?? null).toBeNull();
    // Mutations run one after the other; the first refusal (non-null field) ends the document.
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(new Set(response.errors?.map((e) => e.extensions?.reason))).toEqual(new Set(['ROLE_NOT_ALLOWED']));
    expect(await byAuditors(head)).toEqual([]);
  });

  it('lets the secretariat sign a checkpoint on demand', async () => {
    const signed = await t.data<{ createAuditCheckpoint: { treeSize: number } }>(
      'mutation { createAuditCheckpoint { treeSize } }',
      {},
      await t.token('SECRETARIAT', 'org-pod', 'sara'),
    );
    expect(signed.createAuditCheckpoint.treeSize).toBeGreaterThan(0);
  });
});
