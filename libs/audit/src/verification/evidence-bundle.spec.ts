import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { prepareChainable, GENESIS_HASH } from '@kom/kernel';
import { MerkleTree } from '../merkle/merkle';
import { leafHashOf } from '../checkpoints/audit-log-format';
import { keyIdOf, signCheckpoint, toPublicKey } from '../checkpoints/signing';
import { BUNDLE_FORMAT, verifyBundle, type BundleEvent, type BundleLine } from './evidence-bundle';

// A bundle built by hand (no store, no platform), then verified and tampered with.
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, keyId: keyIdOf(publicKey), published: toPublicKey(pem).published };
}

function buildBundle(signer = keyPair(), count = 7): { lines: BundleLine[]; signer: ReturnType<typeof keyPair> } {
  const events: BundleEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const data = { organizationId: 'org-rosa', name: `ROSA ${i}` };
    const metadata = prepareChainable('organization-org-rosa', 'OrganizationRenamed', data, { occurredAt: '2026-03-01T10:00:00.000Z' }).chain(BigInt(i), prev);
    prev = metadata.hash;
    events.push({ id: randomUUID(), streamId: 'organization-org-rosa', revision: String(i), position: String(i + 1), type: 'OrganizationRenamed', data, metadata, recordedAt: '2026-03-01T10:00:00.000Z' });
  }
  const tree = MerkleTree.fromLeafHashes(events.map((e) => leafHashOf({ ...e, revision: BigInt(e.revision), position: BigInt(e.position) })));
  const checkpoint = signCheckpoint({ treeSize: count, rootHash: tree.root(), position: String(count), time: '2026-03-02T00:00:00.000Z' }, signer.privateKey, signer.keyId);
  const lines: BundleLine[] = [
    { kind: 'header', format: BUNDLE_FORMAT, from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', exportedAt: '2026-03-03T00:00:00.000Z', publicKey: signer.published },
    { kind: 'checkpoint', checkpoint },
    ...events.map((event, i): BundleLine => ({ kind: 'event', event, proof: { treeSize: count, leafIndex: i, path: tree.inclusionProof(i) } })),
  ];
  return { lines, signer };
}

const text = (lines: readonly BundleLine[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('evidence bundle, verified offline', () => {
  it('verifies a bundle: hashes, chain links, inclusion proofs, signed checkpoint', () => {
    const { lines, signer } = buildBundle();
    expect(verifyBundle(text(lines))).toMatchObject({ valid: true, checkedEvents: 7, checkpointsChecked: 1, keyId: signer.keyId, unprovenEvents: 0 });
    expect(verifyBundle(text(lines), { expectedKeyId: signer.keyId }).valid).toBe(true);
  });

  it('refuses a bundle signed by another key than the one pinned', () => {
    const { lines } = buildBundle();
    expect(verifyBundle(text(lines), { expectedKeyId: keyPair().keyId })).toMatchObject({ valid: false, reason: expect.stringContaining('not the expected') });
  });

  it('refuses a checkpoint whose signature was made with another key than the bundle’s', () => {
    const { lines } = buildBundle();
    const other = keyPair();
    const cp = (lines[1] as Extract<BundleLine, { kind: 'checkpoint' }>).checkpoint;
    lines[1] = { kind: 'checkpoint', checkpoint: { ...cp, signature: signCheckpoint(cp, other.privateKey, cp.keyId).signature } };
    expect(verifyBundle(text(lines))).toMatchObject({ valid: false, reason: expect.stringContaining('does not verify') });
  });

  it('pins a changed event, a forged proof, a missing proof and a re-ordered bundle to the event’s position', () => {
    const changed = buildBundle().lines;
    const e = changed[4] as Extract<BundleLine, { kind: 'event' }>;
    changed[4] = { ...e, event: { ...e.event, data: { organizationId: 'org-rosa', name: 'ROSA X' } } };
    expect(verifyBundle(text(changed))).toMatchObject({ valid: false, firstInvalidPosition: 3n, reason: expect.stringContaining('does not match its hash') });

    const forged = buildBundle().lines;
    const f = forged[5] as Extract<BundleLine, { kind: 'event' }>;
    forged[5] = { ...f, proof: { ...f.proof!, leafIndex: f.proof!.leafIndex + 1 } };
    expect(verifyBundle(text(forged))).toMatchObject({ valid: false, firstInvalidPosition: 4n, reason: expect.stringContaining('inclusion proof') });

    const unproven = buildBundle().lines;
    unproven[3] = { ...(unproven[3] as Extract<BundleLine, { kind: 'event' }>), proof: null };
    expect(verifyBundle(text(unproven))).toMatchObject({ valid: false, firstInvalidPosition: 2n });
    expect(verifyBundle(text(unproven), { requireProofs: false })).toMatchObject({ valid: true, unprovenEvents: 1 });

    const swapped = buildBundle().lines;
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(verifyBundle(text(swapped)).valid).toBe(false);
  });

  it('refuses what is not a bundle', () => {
    expect(verifyBundle('').valid).toBe(false);
    expect(verifyBundle('{"kind":"event"}\n').reason).toMatch(/header/);
    expect(verifyBundle('not json').reason).toMatch(/not JSON/);
  });

  it('is pure: the verifier’s module graph reaches neither the store nor a database', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        expect(spec).not.toMatch(/event-store|projections|platform|better-sqlite3|@nestjs|kurrent|node:fs/);
        if (spec!.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
        if (spec === '@kom/kernel') visit(join(__dirname, '../../../kernel/src/hash-chain.ts'));
      }
    };
    visit(join(__dirname, 'evidence-bundle.ts'));
    expect(seen.size).toBeGreaterThan(3);
  });
});
