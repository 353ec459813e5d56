import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { prepareChainable, GENESIS_HASH } from '@kom/kernel';
import { MerkleTree } from '../merkle/merkle';
import { leafHashOf } from '../checkpoints/audit-log-format';
import { keyIdOf, signCheckpoint, toPublicKey } from '../checkpoints/signing';
import { BUNDLE_FORMAT, verifyBundle, writeBundle, type BundleEvent, type BundleHeader, type BundleLine, type BundleSeal } from './evidence-bundle';

// A bundle built by hand (no store, no platform), then verified and tampered with. Where a test
// changes the content and seals it again, as an exporter holding the key could, the refusal must
// come from the log's own hashes and proofs, not from the seal.
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, keyId: keyIdOf(publicKey), published: toPublicKey(pem).published };
}
type Signer = ReturnType<typeof keyPair>;
type EventLine = Extract<BundleLine, { kind: 'event' }>;

/** A log of `count` leaves; the bundle holds leaves [first, first + held) with the checkpoint of the whole log. */
function buildBundle(signer: Signer = keyPair(), count = 7, first = 0, held = count): { lines: BundleLine[]; signer: Signer } {
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
    {
      kind: 'header', format: BUNDLE_FORMAT, from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', exportedAt: '2026-03-03T00:00:00.000Z',
      publicKey: signer.published, checkpoints: [count], firstLeaf: first, leafCount: held, unprovenEvents: 0,
    },
    { kind: 'checkpoint', checkpoint },
    { kind: 'range', treeSize: count, firstLeaf: first, leafCount: held, path: tree.rangeProof(first, held) },
    ...events.slice(first, first + held).map((event, i): BundleLine => ({ kind: 'event', event, proof: { treeSize: count, leafIndex: first + i, path: tree.inclusionProof(first + i) } })),
  ];
  return { lines, signer };
}

const sealed = (lines: readonly BundleLine[], signer: Signer) => writeBundle(lines, signer);
const eventAt = (lines: BundleLine[], i: number) => lines[i] as EventLine;

describe('evidence bundle, verified offline', () => {
  it('verifies a bundle: hashes, chain links, inclusion proofs, the run of leaves, signed checkpoint, seal', () => {
    const { lines, signer } = buildBundle();
    expect(verifyBundle(sealed(lines, signer))).toMatchObject({ valid: true, checkedEvents: 7, checkpointsChecked: 1, keyId: signer.keyId, unprovenEvents: 0, treeSize: 7 });
    expect(verifyBundle(sealed(lines, signer), { expectedKeyId: signer.keyId }).valid).toBe(true);
    expect(verifyBundle(Buffer.from(sealed(lines, signer), 'utf8')).valid).toBe(true);
    const part = buildBundle(undefined, 12, 3, 5);
    expect(verifyBundle(sealed(part.lines, part.signer))).toMatchObject({ valid: true, checkedEvents: 5 });
  });

  it('refuses a bundle signed by another key than the one pinned', () => {
    const { lines, signer } = buildBundle();
    expect(verifyBundle(sealed(lines, signer), { expectedKeyId: keyPair().keyId })).toMatchObject({ valid: false, firstInvalidLine: 1, reason: expect.stringContaining('not the expected') });
  });

  it('refuses a checkpoint whose signature was made with another key than the bundle’s', () => {
    const { lines, signer } = buildBundle();
    const cp = (lines[1] as Extract<BundleLine, { kind: 'checkpoint' }>).checkpoint;
    lines[1] = { kind: 'checkpoint', checkpoint: { ...cp, signature: signCheckpoint(cp, keyPair().privateKey, cp.keyId).signature } };
    expect(verifyBundle(sealed(lines, signer))).toMatchObject({ valid: false, firstInvalidLine: 2, reason: expect.stringContaining('does not verify') });
  });

  it('pins a changed event, a forged proof, a missing proof and a re-ordered bundle to the line and the event’s position, even when sealed again', () => {
    const changed = buildBundle();
    const e = eventAt(changed.lines, 6);
    changed.lines[6] = { ...e, event: { ...e.event, data: { organizationId: 'org-rosa', name: 'ROSA X' } } };
    expect(verifyBundle(sealed(changed.lines, changed.signer))).toMatchObject({ valid: false, firstInvalidLine: 7, firstInvalidPosition: 4n, reason: expect.stringContaining('does not match its hash') });

    const forged = buildBundle();
    const f = eventAt(forged.lines, 7);
    forged.lines[7] = { ...f, proof: { ...f.proof!, leafIndex: f.proof!.leafIndex + 1 } };
    expect(verifyBundle(sealed(forged.lines, forged.signer))).toMatchObject({ valid: false, firstInvalidLine: 8, firstInvalidPosition: 5n, reason: expect.stringContaining('inclusion proof') });

    const unproven = buildBundle();
    unproven.lines[5] = { ...eventAt(unproven.lines, 5), proof: null };
    expect(verifyBundle(sealed(unproven.lines, unproven.signer))).toMatchObject({ valid: false, firstInvalidLine: 6, firstInvalidPosition: 3n, reason: expect.stringContaining('no inclusion proof') });

    const swapped = buildBundle();
    [swapped.lines[5], swapped.lines[6]] = [swapped.lines[6]!, swapped.lines[5]!];
    expect(verifyBundle(sealed(swapped.lines, swapped.signer))).toMatchObject({ valid: false, firstInvalidLine: 6, reason: expect.stringMatching(/leaf 2 is missing/) });
  });

  it('refuses a bundle with an event left out, at the gap, even when the header, the range and the seal were made to fit', () => {
    const gap = buildBundle();
    gap.lines.splice(5, 1);
    expect(verifyBundle(sealed(gap.lines, gap.signer))).toMatchObject({ valid: false, firstInvalidLine: 6, reason: expect.stringMatching(/the event of leaf 2 is missing: .* position 2 \(leaf 1\) to position 4 \(leaf 3\)/) });

    // The last event cut off and the header told so: the old range proof no longer gives the signed root.
    const cut = buildBundle();
    cut.lines.pop();
    cut.lines[0] = { ...(cut.lines[0] as BundleHeader), leafCount: 6 };
    cut.lines[2] = { ...(cut.lines[2] as Extract<BundleLine, { kind: 'range' }>), leafCount: 6 };
    expect(verifyBundle(sealed(cut.lines, cut.signer))).toMatchObject({ valid: false, firstInvalidLine: 3, reason: expect.stringContaining('do not give the signed root') });
  });

  it('refuses a bundle whose consistency proof, range proof or an earlier checkpoint is missing', () => {
    const signer = keyPair();
    const { lines } = buildBundle(signer, 9);
    const tree = MerkleTree.fromLeafHashes(lines.slice(3).map((l) => leafHashOf({ ...(l as EventLine).event, revision: BigInt((l as EventLine).event.revision), position: BigInt((l as EventLine).event.position) })));
    const earlier = signCheckpoint({ treeSize: 4, rootHash: tree.root(4), position: '4', time: '2026-03-01T12:00:00.000Z' }, signer.privateKey, signer.keyId);
    const full: BundleLine[] = [
      { ...(lines[0] as BundleHeader), checkpoints: [4, 9] },
      { kind: 'checkpoint', checkpoint: earlier },
      lines[1]!,
      { kind: 'consistency', fromSize: 4, toSize: 9, path: tree.consistencyProof(4, 9) },
      ...lines.slice(2),
    ];
    expect(verifyBundle(sealed(full, signer))).toMatchObject({ valid: true, consistencyProofsChecked: 1, checkpointsChecked: 2 });

    const noConsistency = full.filter((l) => l.kind !== 'consistency');
    expect(verifyBundle(sealed(noConsistency, signer))).toMatchObject({ valid: false, firstInvalidLine: 4, reason: expect.stringContaining('consistency proof from tree size 4 to 9 is missing') });
    const noRange = full.filter((l) => l.kind !== 'range');
    expect(verifyBundle(sealed(noRange, signer))).toMatchObject({ valid: false, firstInvalidLine: 5, reason: expect.stringContaining('range proof of leaves 0..8 is missing') });
    const noEarlier = full.filter((l) => !(l.kind === 'checkpoint' && l.checkpoint.treeSize === 4));
    expect(verifyBundle(sealed(noEarlier, signer))).toMatchObject({ valid: false, firstInvalidLine: 2, reason: expect.stringContaining('checkpoint of tree size 4 that the header lists is missing') });
    const wrongWay = [...full];
    [wrongWay[1], wrongWay[2]] = [wrongWay[2]!, wrongWay[1]!];
    expect(verifyBundle(sealed(wrongWay, signer))).toMatchObject({ valid: false, firstInvalidLine: 2 });
  });

  it('refuses what the seal does not cover: a changed line, a removed line, a truncated file, a stray line', () => {
    const { lines, signer } = buildBundle();
    const text = sealed(lines, signer);
    const rows = text.split('\n');
    // recordedAt is in no hash of the log: only the seal sees it.
    const recorded = [...rows];
    recorded[4] = recorded[4]!.replace('"recordedAt":"2026-03-01T10:00:00.000Z"', '"recordedAt":"2026-03-01T10:00:00.001Z"');
    expect(verifyBundle(recorded.join('\n'))).toMatchObject({ valid: false, firstInvalidLine: 5, firstInvalidPosition: 2n, reason: 'line 5: the line differs from the one sealed at export: it was changed' });
    const header = [...rows];
    header[0] = header[0]!.replace('2027-01-01', '2026-06-01');
    expect(verifyBundle(header.join('\n'))).toMatchObject({ valid: false, firstInvalidLine: 1, reason: expect.stringContaining('differs from the one sealed') });
    expect(verifyBundle(rows.slice(0, -2).join('\n') + '\n')).toMatchObject({ valid: false, reason: expect.stringContaining('without its seal') });
    expect(verifyBundle(text.slice(0, -40))).toMatchObject({ valid: false, firstInvalidLine: 11, reason: expect.stringContaining('truncated') });
    expect(verifyBundle(text + text.split('\n')[4] + '\n')).toMatchObject({ valid: false, firstInvalidLine: 12, reason: expect.stringContaining('follows the seal') });
    const seal = JSON.parse(rows[10]!) as BundleSeal;
    // A base64 signature whose last character changes only the unused bits still decodes the same.
    const last = seal.signature.at(-3)!;
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = ALPHABET[ALPHABET.indexOf(last) ^ 1]!;
    const malleable = [...rows];
    malleable[10] = JSON.stringify({ ...seal, signature: seal.signature.slice(0, -3) + sibling + '==' });
    expect(Buffer.from(seal.signature.slice(0, -3) + sibling + '==', 'base64').equals(Buffer.from(seal.signature, 'base64'))).toBe(true);
    expect(verifyBundle(malleable.join('\n'))).toMatchObject({ valid: false, firstInvalidLine: 11, reason: expect.stringContaining('seal’s signature does not verify') });
  });

  it('refuses a bundle of the retired format v1, which promises no completeness', () => {
    const { lines, signer } = buildBundle();
    const v1 = [{ ...(lines[0] as BundleHeader), format: 'kom-audit-bundle/v1' }, ...lines.slice(1)] as BundleLine[];
    expect(verifyBundle(sealed(v1, signer))).toMatchObject({ valid: false, firstInvalidLine: 1, reason: expect.stringContaining('cannot prove that no event was left out') });
  });

  it('refuses what is not a bundle', () => {
    expect(verifyBundle('').valid).toBe(false);
    expect(verifyBundle('{"kind":"event"}\n').reason).toMatch(/header/);
    expect(verifyBundle('not json\n').reason).toMatch(/not JSON/);
    expect(verifyBundle(Buffer.from([0x7b, 0xff, 0x7d, 0x0a])).reason).toMatch(/not UTF-8/);
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
