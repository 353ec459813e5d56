import { verifyConsistency, verifyInclusion } from '@kom/audit';
import { sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

// The audit trail, integrity checks, proofs and the published key, over GraphQL and HTTP, on the
// embedded store with a checkpoint every 5 events.
describe('audit (GraphQL)', () => {
  let app: TestApp;
  let secretariat: string;
  let auditor: string;

  const TRAIL = `query($filter: AuditTrailFilter, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      edges { cursor node { position eventId eventType streamId aggregateType aggregateId occurredAt revision hash
        correlationId causationId command actor { userId organizationId role } nb: summary en: summary(lang: EN) } }
      pageInfo { hasNextPage endCursor } } }`;
  type Entry = { position: string; eventId: string; eventType: string; streamId: string; aggregateType: string; aggregateId: string; occurredAt: string; hash: string; correlationId: string; actor: { userId: string; organizationId: string; role: string }; nb: string; en: string };
  const trail = async (filter: Record<string, unknown> = {}, first = 100, after?: string, token = auditor) => {
    const r = await app.gql<{ auditTrail: { edges: Array<{ cursor: string; node: Entry }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      TRAIL,
      { filter, first, after },
      { token },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.auditTrail;
  };
  const register = async (name: string, token = secretariat, headers: Record<string, string> = {}) => {
    const r = await app.gql<{ registerOrganization: { id: string } }>(
      'mutation($name: String!) { registerOrganization(input: { name: $name, kind: NGO }) { id } }',
      { name },
      { token, headers },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.registerOrganization.id;
  };
  type Checkpoint = { treeSize: number; rootHash: string; keyId: string };
  type CheckpointPage = { edges: Array<{ node: Checkpoint; cursor: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const checkpointPage = async (variables: { first?: number; after?: string | null; newestFirst?: boolean }) => {
    const r = await app.gql<{ auditCheckpoints: CheckpointPage }>(
      'query($first: Int, $after: String, $newestFirst: Boolean) { auditCheckpoints(first: $first, after: $after, newestFirst: $newestFirst) { edges { cursor node { treeSize rootHash keyId } } pageInfo { hasNextPage endCursor } } }',
      variables,
      { token: auditor },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.auditCheckpoints;
  };
  /** Every checkpoint, oldest first, following the pages. */
  const checkpoints = async () => {
    const all: Checkpoint[] = [];
    let after: string | null = null;
    for (;;) {
      const page: CheckpointPage = await checkpointPage({ first: 2, after });
      all.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    app = await TestApp.start({ env: { KOM_AUDIT_CHECKPOINT_EVERY: '5' } });
    secretariat = await app.token('SECRETARIAT', 'org-pod', 'sara');
    auditor = await app.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
    const other = await app.token('SECRETARIAT', 'org-kom', 'ola');
    for (const name of ['ROSA', 'Pro Sentret Bergen', 'Redd Barna Bergen', 'IOM Oslo']) await register(name);
    await register('Kirkens Bymisjon Bergen', other, { 'x-correlation-id': 'corr-kirkens-bymisjon' });
    await register('NOAS');
  });

  afterAll(() => app?.stop());

  it('publishes the audit key without a token, the same over HTTP and GraphQL', async () => {
    const http = await app.app.inject({ method: 'GET', url: '/.well-known/kom-audit-key' });
    expect(http.statusCode).toBe(200);
    const key = JSON.parse(http.body) as { keyId: string; algorithm: string; publicKeyPem: string; jwk: { kty: string; crv: string } };
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{64}$/), jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const gql = await app.gql<{ auditPublicKey: typeof key }>('{ auditPublicKey { keyId algorithm publicKeyPem } }');
    expect(gql.data!.auditPublicKey).toEqual({ keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem });
  });

  it('records a signed checkpoint every 5 events in the background', async () => {
    let list = await checkpoints();
    for (let i = 0; i < 50 && list.length === 0; i++) {
      await sleep(50);
      list = await checkpoints();
    }
    expect(list[0]).toMatchObject({ rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(list.every((c) => c.treeSize % 5 === 0)).toBe(true);
  });

  it('shows every event as an entry with actor, correlation, hash and a summary in NB and EN', async () => {
    const all = await trail({ eventTypes: ['OrganizationRegistered'], actorUserId: 'sara' });
    expect(all.edges).toHaveLength(5);
    const first = all.edges[0]!.node;
    expect(first).toMatchObject({
      eventType: 'OrganizationRegistered',
      aggregateType: 'organization',
      streamId: `organization-${first.aggregateId}`,
      actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The kind in words, the short name (if any) beside it, and the first day written out: no codes, no ISO dates.
    expect(first.nb).toMatch(/^Organisasjonen «ROSA» \((.+; )?type: frivillig organisasjon\) ble registrert fra \d{1,2}\. \p{Ll}+ \d{4}$/u);
    expect(first.en).toMatch(/^The organisation “ROSA” \((.+; )?kind: NGO\) was registered from \d{1,2} \p{Lu}\p{Ll}+ \d{4}$/u);
    const positions = all.edges.map((e) => BigInt(e.node.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
  });

  it('filters by aggregate, organisation, actor, event type, time range and correlation id, and pages', async () => {
    const { edges } = await trail({ eventTypes: ['OrganizationRegistered'] });
    const target = edges[edges.length - 3]!.node;
    expect((await trail({ aggregateType: 'organization', aggregateId: target.aggregateId })).edges.map((e) => e.node.eventId)).toEqual([target.eventId]);
    expect((await trail({ streamId: target.streamId })).edges).toHaveLength(1);
    // A registration records, in one append, the claim of its name on its own stream and then the organisation.
    expect((await trail({ organizationId: 'org-kom' })).edges.map((e) => [e.node.actor.userId, e.node.eventType])).toEqual([['ola', 'OrganizationNameClaimed'], ['ola', 'OrganizationRegistered']]);
    expect((await trail({ aboutOrganizationId: target.aggregateId })).edges.map((e) => e.node.eventId)).toEqual([expect.any(String), target.eventId]);
    expect((await trail({ actorUserId: 'sara', eventTypes: ['OrganizationRegistered'] })).edges).toHaveLength(5);
    expect((await trail({ correlationId: 'corr-kirkens-bymisjon' })).edges.map((e) => e.node.actor.userId)).toEqual(['ola', 'ola']);
    expect((await trail({ eventTypes: ['NoSuchEvent'] })).edges).toEqual([]);
    const at = edges[edges.length - 3]!.node.occurredAt;
    const fromFourth = await trail({ eventTypes: ['OrganizationRegistered'], from: at });
    expect(fromFourth.edges.every((e) => e.node.occurredAt >= at)).toBe(true);
    expect((await trail({ eventTypes: ['OrganizationRegistered'], to: '2000-01-01T00:00:00Z' })).edges).toEqual([]);

    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await trail({ eventTypes: ['OrganizationRegistered'] }, 4, after);
      paged.push(...page.edges.map((e) => e.node.eventId));
      expect(page.edges.length).toBeLessThanOrEqual(4);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(edges.map((e) => e.node.eventId));
  });

  it('is for auditors and the secretariat only', async () => {
    const ngo = await app.token('NGO_REPRESENTATIVE', 'org-rosa', 'kari');
    const r = await app.gql('{ auditTrail { edges { cursor } } }', {}, { token: ngo });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.gql('{ verifyIntegrity { valid } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await trail({}, 1, undefined, secretariat)).edges).toHaveLength(1);
  });

  it('verifies one stream and the whole log', async () => {
    const { edges } = await trail({ eventTypes: ['OrganizationRegistered'] });
    const r = await app.gql<{ one: Record<string, unknown>; all: Record<string, unknown> }>(
      `query($s: String) { one: verifyIntegrity(streamId: $s) { checkedEvents valid firstInvalidPosition reason }
         all: verifyIntegrity { checkedEvents valid firstInvalidPosition reason checkpointsChecked } }`,
      { s: edges[0]!.node.streamId },
      { token: auditor },
    );
    expect(r.errors).toBeUndefined();
    // Every event of that organisation's stream (its registration, and roles the seed granted).
    const ofStream = (await trail({ streamId: edges[0]!.node.streamId })).edges.length;
    expect(ofStream).toBeGreaterThanOrEqual(1);
    expect(r.data!.one).toEqual({ checkedEvents: ofStream, valid: true, firstInvalidPosition: null, reason: null });
    expect(r.data!.all).toMatchObject({ valid: true, firstInvalidPosition: null, reason: null, checkpointsChecked: expect.any(Number) });
    expect(r.data!.all.checkedEvents as number).toBeGreaterThanOrEqual(7);
  });

  it('answers a stream that does not exist as not found, and a stream id of no form the log uses as bad input', async () => {
    const verify = (streamId: string) => app.gql('query($s: String) { verifyIntegrity(streamId: $s) { valid reason } }', { s: streamId }, { token: auditor });
    for (const streamId of ['organization-nope', 'meeting-%']) {
      const missing = await verify(streamId);
      expect({ streamId, data: missing.data, error: missing.errors?.[0]?.extensions }).toMatchObject({ streamId, data: null, error: { code: 'NOT_FOUND', reason: 'STREAM_NOT_FOUND' } });
    }
    for (const streamId of ['%', '', '-x', 'Organization-x', '$all', '$$meeting-x', `meeting-${'x'.repeat(300)}`]) {
      const malformed = await verify(streamId);
      expect({ streamId, data: malformed.data, error: malformed.errors?.[0]?.extensions }).toMatchObject({ streamId, data: null, error: { code: 'BAD_USER_INPUT', reason: 'INVALID_STREAM_ID' } });
    }
  });

  it('refuses fifteen whole-log verifications in one request by their cost, also through fragments; a few share one run', async () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => `v${i}: verifyIntegrity { valid checkedEvents }`).join(' ');
    const refused = await app.gql(`{ ${fifteen} }`, {}, { token: auditor });
    expect(refused.status).toBe(400);
    expect(refused.data ?? undefined).toBeUndefined();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY' });
    expect(refused.errors?.[0]?.message).toMatch(/Query Cost limit of 20000 exceeded/);
    const fragment = await app.gql('{ ...a ...b } fragment a on Query { a1: verifyIntegrity { valid } a2: verifyIntegrity { valid } a3: verifyIntegrity { valid } } fragment b on Query { ...a }', {}, { token: auditor });
    expect(fragment.errors?.[0]?.extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });

    const three = await app.gql<Record<string, { valid: boolean; checkedEvents: number }>>(
      '{ a: verifyIntegrity { valid checkedEvents } b: verifyIntegrity { valid checkedEvents } c: verifyIntegrity { valid checkedEvents } }',
      {},
      { token: auditor },
    );
    expect(three.errors).toBeUndefined();
    expect(three.data!.a).toMatchObject({ valid: true });
    expect(three.data!.b).toEqual(three.data!.a);
    expect(three.data!.c).toEqual(three.data!.a);
  });

  it('pages the checkpoints with cursors, oldest or newest first, and names the latest and the count cheaply', async () => {
    const all = await checkpoints();
    expect(all.length).toBeGreaterThan(1);
    expect(all.map((c) => c.treeSize)).toEqual([...all.map((c) => c.treeSize)].sort((a, b) => a - b));
    const newest = await checkpointPage({ first: 1, newestFirst: true });
    expect(newest.edges.map((e) => e.node)).toEqual([all[all.length - 1]]);
    expect(newest.pageInfo.hasNextPage).toBe(true);
    const next = await checkpointPage({ first: 100, after: newest.pageInfo.endCursor, newestFirst: true });
    expect(next.edges.map((e) => e.node)).toEqual(all.slice(0, -1).reverse());
    expect(next.pageInfo).toEqual({ hasNextPage: false, endCursor: next.edges[next.edges.length - 1]!.cursor });

    const cheap = await app.gql<{ latestAuditCheckpoint: Checkpoint; auditCheckpointCount: number }>(
      '{ latestAuditCheckpoint { treeSize rootHash keyId } auditCheckpointCount }',
      {},
      { token: auditor },
    );
    expect(cheap.data).toEqual({ latestAuditCheckpoint: all[all.length - 1], auditCheckpointCount: all.length });

    for (const [variables, reason] of [
      [{ first: 0 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      [{ first: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      [{ after: 'not a cursor!' }, 'INVALID_CURSOR'],
      [{ after: Buffer.from('-3').toString('base64url') }, 'INVALID_CURSOR'],
      [{ after: Buffer.from('ten').toString('base64url') }, 'INVALID_CURSOR'],
    ] as const) {
      const refused = await app.gql('query($first: Int, $after: String) { auditCheckpoints(first: $first, after: $after) { edges { cursor } } }', variables, { token: auditor });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
    const agency = await app.token('AGENCY_MEMBER', 'org-udi', 'kari');
    for (const query of ['{ latestAuditCheckpoint { treeSize } }', '{ auditCheckpointCount }', '{ auditCheckpoints { edges { cursor } } }']) {
      expect((await app.gql(query, {}, { token: agency })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }
  });

  it('creates a checkpoint on demand and proves inclusion and consistency', async () => {
    const created = await app.gql<{ createAuditCheckpoint: { treeSize: number; rootHash: string } }>(
      'mutation { createAuditCheckpoint { treeSize rootHash position time keyId signature } }',
      {},
      { token: secretariat }, // the secretariat signs on demand; an auditor never (auditor-read-only.e2e-spec.ts)
    );
    expect(created.errors).toBeUndefined();
    const { treeSize, rootHash } = created.data!.createAuditCheckpoint;
    expect(treeSize).toBeGreaterThanOrEqual(6);

    const { edges } = await trail({ eventTypes: ['OrganizationRegistered'], actorUserId: 'sara' });
    const eventId = edges[4]!.node.eventId;
    const proofResult = await app.gql<{ auditProof: { leafIndex: number; leafHash: string; treeSize: number; rootHash: string; path: string[] } }>(
      'query($id: ID!) { auditProof(eventId: $id) { eventId position leafIndex leafHash treeSize rootHash path checkpoint { treeSize signature } } }',
      { id: eventId },
      { token: auditor },
    );
    expect(proofResult.errors).toBeUndefined();
    const proof = proofResult.data!.auditProof;
    expect(proof.rootHash).toBe(rootHash);
    expect(verifyInclusion(proof.leafIndex, proof.treeSize, proof.leafHash, proof.path, proof.rootHash)).toBe(true);
    const forged = [...proof.path];
    forged[0] = forged[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(verifyInclusion(proof.leafIndex, proof.treeSize, proof.leafHash, forged, proof.rootHash)).toBe(false);

    const missing = await app.gql('{ auditProof(eventId: "00000000-0000-4000-8000-000000000000") { leafIndex } }', {}, { token: auditor });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const [periodic] = await checkpoints();
    const consistency = await app.gql<{ consistencyProof: { fromRoot: string; toRoot: string; path: string[] } }>(
      'query($a: Int!, $b: Int!) { consistencyProof(fromSize: $a, toSize: $b) { fromSize toSize fromRoot toRoot path } }',
      { a: periodic!.treeSize, b: treeSize },
      { token: auditor },
    );
    expect(consistency.errors).toBeUndefined();
    const c = consistency.data!.consistencyProof;
    expect(c.fromRoot).toBe(periodic!.rootHash);
    expect(c.toRoot).toBe(rootHash);
    expect(verifyConsistency(periodic!.treeSize, treeSize, periodic!.rootHash, rootHash, c.path)).toBe(true);
    expect(verifyConsistency(periodic!.treeSize, treeSize, periodic!.rootHash, rootHash, c.path.slice(1))).toBe(false);
    const bad = await app.gql('{ consistencyProof(fromSize: 0, toSize: 1000000) { path } }', {}, { token: auditor });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
