import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { POLICY_TABLE, allows, isOwnOrganizationOnly, mayAct, type Policy } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ROLES, type Role } from '@kom/kernel';
import { mutationDocument, mutationVariables } from '../support/schema-operations';
import { TestApp } from '../support/test-app';

/**
 * The authorisation matrix: every mutation of the schema as built now × every role × a target in the
 * caller's own organisation or in another, run against the real application, and compared with the
 * policy table (libs/auth/src/policy/policy.table.ts). The mutation list comes from the schema at
 * test time, so a mutation added tomorrow is covered (or fails for want of a policy) without
 * editing this file.
 *
 * Each call carries minimal input built from the input types. A cell the table denies must be
 * refused by the guard (FORBIDDEN, ROLE_NOT_ALLOWED) and append nothing; a cell it allows must pass
 * the guard: a domain answer (NOT_FOUND, BAD_USER_INPUT, CONFLICT, or success) counts, and a
 * FORBIDDEN from the decider counts only with a reason the table declares for that role and target
 * (own-organisation rules for another organisation; `refusedAfterGuard`).
 */

const HOME: Record<Role, { own: string; other: string }> = {
  SECRETARIAT: { own: 'org-pod', other: 'org-udi' },
  AGENCY_MEMBER: { own: 'org-politiet', other: 'org-udi' },
  NGO_REPRESENTATIVE: { own: 'org-rosa', other: 'org-pro-sentret' },
  AUDITOR: { own: 'org-riksrevisjonen', other: 'org-pod' },
};
const TARGETS = ['own', 'other'] as const;
type Target = (typeof TARGETS)[number];

interface Cell {
  readonly mutation: string;
  readonly role: Role | 'anonymous';
  readonly target: Target;
  readonly expected: 'allow' | 'deny' | 'decider-deny';
  readonly outcome: string;
  readonly problem?: string;
}

describe('authorisation matrix: every mutation × role × own/other organisation', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let store: EventStore;
  const tokens = new Map<Role, string>();
  const cells: Cell[] = [];
  let mutations: GraphQLField<unknown, unknown>[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ env: { KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000' } });
    schema = t.app.get(GraphQLSchemaHost).schema;
    store = t.app.get<EventStore>(EVENT_STORE);
    for (const role of ROLES) tokens.set(role, await t.token(role, HOME[role].own, `matrix-${role.toLowerCase()}`));
    mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  });
  afterAll(async () => {
    printCoverage();
    await t?.stop();
  });

  it('finds mutations in the built schema', () => {
    expect(mutations.length).toBeGreaterThan(0);
  });

  it('has a policy for every mutation, query, subscription and field resolver of the schema', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const root = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type);
      for (const field of Object.values(type.getFields())) {
        // Plain properties resolve with Nest's default property resolver; resolver methods do not.
        const plain = !root && /root\[field\.name\]/.test(field.resolve?.toString() ?? 'root[field.name]');
        const coordinate = `${type.name}.${field.name}`;
        if (!plain && !Object.prototype.hasOwnProperty.call(POLICY_TABLE, coordinate)) missing.push(coordinate);
      }
    }
    if (missing.length) {
      throw new Error(
        `No access policy for ${missing.length} resolver(s): ${missing.join(', ')}.\n` +
          'Declare each in libs/auth/src/policy/policy.table.ts (roles, and own-organisation rules); ' +
          'until then the guard denies them to everyone (FORBIDDEN, NO_POLICY).',
      );
    }
  });

  it('refuses every mutation to an anonymous caller with UNAUTHENTICATED (unless public)', async () => {
    for (const field of mutations) {
      const policy = POLICY_TABLE[`Mutation.${field.name}`];
      const response = await t.gql(mutationDocument(field), mutationVariables(field, 'org-pod'));
      const code = response.errors?.[0]?.extensions?.code;
      const ok = policy?.allow === 'PUBLIC' ? code !== 'UNAUTHENTICATED' : code === 'UNAUTHENTICATED' || (!policy && code === 'FORBIDDEN');
      cells.push({ mutation: field.name, role: 'anonymous', target: 'own', expected: 'deny', outcome: String(code ?? 'ok'), problem: ok ? undefined : `anonymous got ${code}` });
    }
    expect(cells.filter((c) => c.role === 'anonymous' && c.problem)).toEqual([]);
  });

  it('answers each role as the policy table says, for its own and for another organisation', async () => {
    for (const field of mutations) {
      const coordinate = `Mutation.${field.name}`;
      const policy: Policy | undefined = Object.prototype.hasOwnProperty.call(POLICY_TABLE, coordinate) ? POLICY_TABLE[coordinate] : undefined;
      for (const role of ROLES) {
        for (const target of TARGETS) {
          const correlationId = `matrix-${field.name}-${role}-${target}`;
          const head = await store.headPosition();
          const response = await t.gql(mutationDocument(field), mutationVariables(field, HOME[role][target]), {
            token: tokens.get(role),
            headers: { 'x-correlation-id': correlationId },
          });
          const error = response.errors?.[0];
          const code = error?.extensions?.code as string | undefined;
          const reason = error?.extensions?.reason as string | undefined;
          const outcome = code ? `${code}${reason ? `:${reason}` : ''}` : 'ok';
          if (!policy) {
            cells.push({ mutation: field.name, role, target, expected: 'deny', outcome, problem: `no policy in libs/auth/src/policy/policy.table.ts for ${coordinate}` });
            continue;
          }
          const guardAllows = allows(policy, role);
          const declared = new Set<string>([
            ...(policy.refusedAfterGuard && (policy.refusedAfterGuard.roles as string[]).includes(role) ? policy.refusedAfterGuard.reasons : []),
            ...(target === 'other' && isOwnOrganizationOnly(policy, role) ? policy.ownOrganization!.reasons : []),
          ]);
          let problem: string | undefined;
          if (!guardAllows) {
            if (code !== 'FORBIDDEN' || reason !== 'ROLE_NOT_ALLOWED') problem = `table denies ${role}, app answered ${outcome}`;
            const written = (await store.readAll({ fromPosition: head })).filter((e) => e.metadata.correlationId === correlationId);
            if (written.length) problem = `denied, yet ${written.length} event(s) were appended`;
          } else if (code === 'UNAUTHENTICATED' || (code === 'FORBIDDEN' && (reason === 'ROLE_NOT_ALLOWED' || reason === 'NO_POLICY'))) {
            problem = `table allows ${role}, the guard answered ${outcome}`;
          } else if (code === 'FORBIDDEN' && !declared.has(reason ?? '')) {
            problem = `table allows ${role} (${target} organisation), the decider refused with ${reason}: align the table (ownOrganization / refusedAfterGuard) or the decider`;
          } else if (code === 'RATE_LIMITED' || code === 'INTERNAL_SERVER_ERROR') {
            problem = `unexpected ${outcome}`;
          }
          const expected = !guardAllows ? 'deny' : mayAct(policy, role) ? 'allow' : 'decider-deny';
          cells.push({ mutation: field.name, role, target, expected, outcome, problem });
        }
      }
    }
    const problems = cells.filter((c) => c.role !== 'anonymous' && c.problem);
    expect(problems.map((c) => `${c.mutation} × ${c.role} × ${c.target}: ${c.problem}`)).toEqual([]);
  });

  it('enforces own-organisation rules on real records: an NGO acts only on its own issues', async () => {
    const categories = schema.getType('IssueCategory');
    if (!isEnumType(categories)) throw new Error('IssueCategory is not an enum');
    const category = categories.getValues()[0].value as string;
    const rosa = tokens.get('NGO_REPRESENTATIVE')!;
    const other = await t.token('NGO_REPRESENTATIVE', HOME.NGO_REPRESENTATIVE.other, 'matrix-other-ngo');
    const submit = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }';
    const content = { category, title: 'Tolk ved første samtale', description: 'Behov for tolk ved første samtale med politiet.' };
    const forOther = await t.gql(submit, { input: { ...content, organizationId: HOME.NGO_REPRESENTATIVE.other } }, { token: rosa });
    expect(forOther.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    const submitted = await t.gql(submit, { input: { ...content, organizationId: HOME.NGO_REPRESENTATIVE.own } }, { token: rosa });
    expect(submitted.errors).toBeUndefined();
    const issueId = submitted.data?.submitIssue.id as string;
    const head = await store.headPosition();
    const edit = 'mutation($input: EditIssueInput!) { editIssue(input: $input) { id } }';
    const withdraw = 'mutation($input: WithdrawIssueInput!) { withdrawIssue(input: $input) { id } }';
    for (const [document, input] of [
      [edit, { ...content, issueId, title: 'Overtatt' }],
      [withdraw, { issueId, reason: 'Trukket av en annen organisasjon' }],
    ] as const) {
      const refused = await t.gql(document, { input }, { token: other });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    }
    const auditor = await t.gql(withdraw, { input: { issueId, reason: 'x' } }, { token: tokens.get('AUDITOR') });
    expect(auditor.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect((await store.readAll({ fromPosition: head })).filter((e) => e.streamId === `issue-${issueId}`)).toEqual([]);
    const own = await t.gql(withdraw, { input: { issueId, reason: 'Løst på annen måte' } }, { token: rosa });
    expect(own.errors).toBeUndefined();
  });

  function printCoverage(): void {
    if (!mutations.length) return;
    const symbol = (c: Cell | undefined) => {
      if (!c) return '?';
      if (c.problem) return '!!';
      if (c.expected === 'deny') return '·';
      if (c.expected === 'decider-deny') return 'd';
      return c.outcome.startsWith('FORBIDDEN') ? 'o' : '✓';
    };
    const columns = ROLES.flatMap((r) => TARGETS.map((target) => ({ role: r, target })));
    const short: Record<Role, string> = { SECRETARIAT: 'SEC', AGENCY_MEMBER: 'AGY', NGO_REPRESENTATIVE: 'NGO', AUDITOR: 'AUD' };
    const width = Math.max(...mutations.map((m) => m.name.length), 'mutation'.length);
    const lines = [
      '',
      'Authorisation matrix (✓ allowed and passed the guard, · denied by the guard, o refused by the decider for another',
      'organisation as the table declares, d always refused by the decider as the table declares, !! disagrees with the table)',
      '',
      `${'mutation'.padEnd(width)}  anon  ${columns.map((c) => `${short[c.role]}-${c.target}`.padEnd(9)).join(' ')}`,
    ];
    let covered = 0;
    for (const m of mutations) {
      const row = cells.filter((c) => c.mutation === m.name);
      const complete = row.length === 1 + columns.length && row.every((c) => !c.problem);
      if (complete) covered += 1;
      const anon = row.find((c) => c.role === 'anonymous');
      lines.push(
        `${m.name.padEnd(width)}  ${symbol(anon).padEnd(4)}  ${columns
          .map((c) => symbol(row.find((x) => x.role === c.role && x.target === c.target)).padEnd(9))
          .join(' ')}`,
      );
    }
    const percent = ((100 * covered) / mutations.length).toFixed(1);
    lines.push('', `Mutations covered: ${covered}/${mutations.length} (${percent}%), ${cells.length} calls`, '');
    process.stdout.write(lines.join('\n') + '\n');
  }
});
