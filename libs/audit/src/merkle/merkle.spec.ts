import { createHash } from 'node:crypto';
import { EMPTY_ROOT, MerkleTree, hashLeaf, hashLeafHex, hashNode, rootFromRange, verifyConsistency, verifyInclusion, type Hex } from './merkle';

// RFC 6962 written out literally (2.1, 2.1.1, 2.1.2), over arrays: the reference the tree must match.
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Buffer[]): Buffer => (d.length === 1 ? d[0]! : hashNode(mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length)))));
const path = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
};
const subproof = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
};
const hex = (list: Buffer[]) => list.map((b) => b.toString('hex'));
const flip = (h: Hex) => (h[0] === '0' ? '1' : '0') + h.slice(1);

// The inputs and roots of the RFC 6962 reference implementation's tests (certificate-transparency).
const VECTOR_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('Merkle tree (RFC 6962 / 9162)', () => {
  const leaves = Array.from({ length: 40 }, (_, i) => hashLeaf(`leaf ${i}`));
  const tree = MerkleTree.fromLeafHashes(leaves);

  it('matches the reference implementation’s published roots', () => {
    const t = new MerkleTree();
    VECTOR_INPUTS.forEach((input, i) => {
      t.append(hashLeaf(Buffer.from(input, 'hex')));
      expect(t.root()).toBe(VECTOR_ROOTS[i]);
    });
    expect(new MerkleTree().root()).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a leaf given as text as SHA-256(0x00 || its UTF-8 bytes), in both forms', () => {
    for (const data of ['', 'x', '{"stream":"organization-å"}', 'Tromsø \u0000 ✓ 𝄞']) {
      const expected = createHash('sha256').update(Buffer.from([0])).update(Buffer.from(data, 'utf8')).digest();
      expect(hashLeaf(data).equals(expected)).toBe(true);
      expect(hashLeaf(Buffer.from(data, 'utf8')).equals(expected)).toBe(true);
      expect(hashLeafHex(data)).toBe(expected.toString('hex'));
    }
    const [left, right] = [Buffer.alloc(32, 7), Buffer.alloc(32, 9)];
    expect(hashNode(left, right).equals(createHash('sha256').update(Buffer.from([1])).update(left).update(right).digest())).toBe(true);
  });

  it('separates leaves from nodes (0x00 / 0x01 prefixes)', () => {
    expect(hashLeaf('x').equals(hashNode(Buffer.alloc(0), Buffer.from('x')))).toBe(false);
  });

  it('gives for every size 1..40 the RFC root, and roots of earlier sizes', () => {
    for (let n = 1; n <= 40; n++) {
      expect(tree.root(n)).toBe(mth(leaves.slice(0, n)).toString('hex'));
      expect(MerkleTree.fromLeafHashes(leaves.slice(0, n)).root()).toBe(tree.root(n));
    }
  });

  it('proves the inclusion of every leaf in every tree size 1..40; forged proofs fail', () => {
    for (let n = 1; n <= 40; n++) {
      const root = tree.root(n);
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        expect(proof).toEqual(hex(path(m, leaves.slice(0, n))));
        const leaf = leaves[m]!.toString('hex');
        expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);
        // Forgeries: another leaf, another index, a changed or truncated path, another root.
        expect(verifyInclusion(m, n, flip(leaf), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((m + 1) % n, n, leaf, proof, root)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, leaf, [flip(proof[0]!), ...proof.slice(1)], root)).toBe(false);
          expect(verifyInclusion(m, n, leaf, proof.slice(0, -1), root)).toBe(false);
        }
        expect(verifyInclusion(m, n, leaf, [...proof, root], root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, flip(root))).toBe(false);
      }
    }
  });

  it('proves consistency between every pair of sizes 1 <= m <= n <= 40; forged proofs fail', () => {
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof).toEqual(hex(subproof(m, leaves.slice(0, n), true)));
        const [a, b] = [tree.root(m), tree.root(n)];
        expect(verifyConsistency(m, n, a, b, proof)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, flip(a), b, proof)).toBe(false);
          expect(verifyConsistency(m, n, a, flip(b), proof)).toBe(false);
          expect(verifyConsistency(m, n, a, b, [flip(proof[0]!), ...proof.slice(1)])).toBe(false);
          expect(verifyConsistency(m, n, a, b, proof.slice(1))).toBe(false);
          if (n < 40) expect(verifyConsistency(m, n + 1, a, tree.root(n + 1), proof)).toBe(false);
        }
      }
    }
  });

  it('gives the signed root from any contiguous run of leaves and its range proof; a run with a leaf left out, added or changed does not', () => {
    const hexLeaves = hex(leaves);
    for (let n = 1; n <= 24; n++) {
      const root = tree.root(n);
      for (let first = 0; first <= n; first++) {
        for (let count = 0; first + count <= n; count++) {
          const proof = tree.rangeProof(first, count, n);
          const run = hexLeaves.slice(first, first + count);
          expect(rootFromRange(first, n, run, proof)).toBe(root);
          if (count > 0) {
            expect(rootFromRange(first, n, run.slice(1), proof)).not.toBe(root);
            expect(rootFromRange(first, n, run.slice(0, -1), proof)).not.toBe(root);
            expect(rootFromRange(first, n, [flip(run[0]!), ...run.slice(1)], proof)).not.toBe(root);
            if (first + count < n) expect(rootFromRange(first, n, [...run, hexLeaves[first + count]!], proof)).not.toBe(root);
          }
          if (proof.length > 0) {
            expect(rootFromRange(first, n, run, [flip(proof[0]!), ...proof.slice(1)])).not.toBe(root);
            expect(rootFromRange(first, n, run, proof.slice(1))).toBeUndefined();
          }
          expect(rootFromRange(first, n, run, [...proof, root])).toBeUndefined();
        }
      }
    }
    expect(tree.rangeProof(0, 40)).toEqual([]);
    expect(() => tree.rangeProof(39, 2)).toThrow(RangeError);
    expect(rootFromRange(0, 1, ['nothex'], [])).toBeUndefined();
  });

  it('detects a history rewrite: the new tree does not extend the old one', () => {
    const rewritten = MerkleTree.fromLeafHashes([...leaves.slice(0, 10), hashLeaf('forged'), ...leaves.slice(11, 20)]);
    const proof = rewritten.consistencyProof(12, 20);
    expect(verifyConsistency(12, 20, tree.root(12), rewritten.root(20), proof)).toBe(false);
  });

  it('refuses malformed input', () => {
    expect(() => tree.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 5)).toThrow(RangeError);
    expect(() => tree.root(41)).toThrow(RangeError);
    expect(verifyInclusion(0, 1, 'nothex', [], tree.root(1))).toBe(false);
    expect(verifyConsistency(3, 2, tree.root(3), tree.root(2), [])).toBe(false);
  });
});

describe('leaf data', () => {
  it('is the canonical JSON of { hash, id, position, revision, stream }', () => {
    const { canonicalJson } = jest.requireActual<typeof import('@kom/kernel')>('@kom/kernel');
    const { leafData } = jest.requireActual<typeof import('../checkpoints/audit-log-format')>('../checkpoints/audit-log-format');
    const event = { id: 'e-1', streamId: 'meeting-"æ"', revision: 3n, position: 340282366920938463463374607431768211455n, metadata: { hash: 'a'.repeat(64) } };
    expect(leafData(event)).toBe(canonicalJson({ hash: 'a'.repeat(64), id: 'e-1', position: String(event.position), revision: '3', stream: event.streamId }));
    expect(leafData({ ...event, metadata: {} })).toBe(canonicalJson({ hash: null, id: 'e-1', position: String(event.position), revision: '3', stream: event.streamId }));
  });
});
