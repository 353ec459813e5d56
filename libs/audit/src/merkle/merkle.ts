import { createHash, hash } from 'node:crypto';

/**
 * Merkle tree hashing of RFC 6962 / RFC 9162 section 2.1 (SHA-256), with distinct prefixes so a
 * leaf can never pass for an inner node:
 *
 *   leaf hash   = SHA-256(0x00 || leaf data)
 *   node hash   = SHA-256(0x01 || left || right)
 *   MTH({})     = SHA-256("")
 *   MTH(D[n])   = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
 *
 * Inclusion proofs are the audit paths PATH(m, D[n]) and consistency proofs PROOF(m, D[n]) of
 * RFC 6962 2.1.1 / 2.1.2; they are verified with the algorithms of RFC 9162 2.1.3.2 and 2.1.4.2.
 * Hashes cross module borders as lower-case hex. Pure code: no I/O, nothing from the store, so the
 * offline verifier can use it.
 */
export type Hex = string;

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);
/** 0x00 as a string: U+0000 is the single byte 0x00 in UTF-8. */
const LEAF_PREFIX = '\u0000';

// One-shot hashing (crypto.hash) rather than a Hash object per call: the notary hashes every
// event of the log, and a Hash object cost as much again as the digest itself.
export function hashLeaf(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? hash('sha256', LEAF_PREFIX + data, 'buffer') : hash('sha256', Buffer.concat([LEAF, data]), 'buffer');
}

/** hashLeaf(data) as hex, without the Buffer in between. */
export function hashLeafHex(data: string): Hex {
  return hash('sha256', LEAF_PREFIX + data, 'hex');
}

export function hashNode(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
}

export const EMPTY_ROOT: Hex = createHash('sha256').digest('hex');

/** The largest power of two strictly below n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}

/** One level of the tree: its node hashes packed in one growing buffer, 32 bytes each. */
class Level {
  private buffer = Buffer.allocUnsafe(32 * 16);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * 32 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(grown, 0, 0, this.length * 32);
      this.buffer = grown;
    }
    this.buffer.set(hash, this.length * 32);
    this.length += 1;
  }

  /** A view (no copy) of node i; valid until the next push. */
  at(i: number): Buffer {
    return this.buffer.subarray(i * 32, i * 32 + 32);
  }
}

/**
 * An append-only Merkle tree that keeps every full subtree hash (level 0 = leaf hashes, level i
 * node j = the hash of leaves [j·2^i, (j+1)·2^i)), so the root of any earlier size and every
 * proof cost O(log² n) hashes, not O(n). About 64 bytes per leaf: a million events take 64 MB.
 */
export class MerkleTree {
  private readonly levels: Level[] = [new Level()];

  static fromLeafHashes(leafHashes: readonly (Hex | Uint8Array)[]): MerkleTree {
    const tree = new MerkleTree();
    for (const leaf of leafHashes) tree.append(leaf);
    return tree;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf HASH (hashLeaf of the leaf data). */
  append(leafHash: Hex | Uint8Array): void {
    let hash: Buffer = typeof leafHash === 'string' ? Buffer.from(leafHash, 'hex') : Buffer.from(leafHash);
    if (hash.length !== 32) throw new RangeError('A leaf hash is 32 bytes');
    let level = 0;
    for (;;) {
      const nodes = (this.levels[level] ??= new Level());
      nodes.push(hash);
      if (nodes.length % 2 === 1) return;
      hash = hashNode(nodes.at(nodes.length - 2), hash);
      level += 1;
    }
  }

  leafHash(index: number): Hex {
    this.checkSize(index + 1);
    return this.levels[0]!.at(index).toString('hex');
  }

  /** MTH of the first `size` leaves. */
  root(size: number = this.size): Hex {
    this.checkSize(size);
    return size === 0 ? EMPTY_ROOT : this.range(0, size).toString('hex');
  }

  /** PATH(index, D[size]): the audit path of leaf `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size: number = this.size): Hex[] {
    this.checkSize(size);
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`No leaf ${index} in a tree of ${size}`);
    return this.path(index, 0, size).map((h) => h.toString('hex'));
  }

  /** PROOF(from, D[to]): proves the tree of `to` leaves extends the tree of `from` leaves (1 <= from <= to). */
  consistencyProof(from: number, to: number = this.size): Hex[] {
    this.checkSize(to);
    if (!Number.isInteger(from) || from < 1 || from > to) throw new RangeError(`A consistency proof needs 1 <= from (${from}) <= to (${to})`);
    return this.subproof(from, 0, to, true).map((h) => h.toString('hex'));
  }

  /**
   * The hashes of the subtrees of D[size] that lie wholly outside the leaves [first, first + count),
   * left to right: with those leaves they give MTH(D[size]) (see rootFromRange). Proves that the
   * leaves are exactly that contiguous run of the signed tree, none left out.
   */
  rangeProof(first: number, count: number, size: number = this.size): Hex[] {
    this.checkSize(size);
    if (!Number.isInteger(first) || !Number.isInteger(count) || first < 0 || count < 0 || first + count > size) {
      throw new RangeError(`No leaves [${first}, ${first + count}) in a tree of ${size}`);
    }
    const out: Hex[] = [];
    const walk = (start: number, end: number): void => {
      if (end <= first || start >= first + count) out.push(this.range(start, end).toString('hex'));
      else if (start < first || end > first + count) {
        const k = split(end - start);
        walk(start, start + k);
        walk(start + k, end);
      }
    };
    if (size > 0) walk(0, size);
    return out;
  }

  private checkSize(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size) throw new RangeError(`The tree has ${this.size} leaves, not ${size}`);
  }

  /** MTH of leaves [start, end). */
  private range(start: number, end: number): Buffer {
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) return Buffer.from(this.levels[Math.log2(n)]!.at(start / n));
    const k = split(n);
    return hashNode(this.range(start, start + k), this.range(start + k, end));
  }

  private path(m: number, start: number, end: number): Buffer[] {
    const n = end - start;
    if (n === 1) return [];
    const k = split(n);
    return m < k
      ? [...this.path(m, start, start + k), this.range(start + k, end)]
      : [...this.path(m - k, start + k, end), this.range(start, start + k)];
  }

  private subproof(m: number, start: number, end: number, complete: boolean): Buffer[] {
    const n = end - start;
    if (m === n) return complete ? [] : [this.range(start, end)];
    const k = split(n);
    return m <= k
      ? [...this.subproof(m, start, start + k, complete), this.range(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.range(start, start + k)];
  }
}

const HEX = /^[0-9a-f]{64}$/;
const buf = (hex: Hex): Buffer => Buffer.from(hex, 'hex');
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;

function wellFormed(hashes: readonly unknown[]): hashes is Hex[] {
  return hashes.every((h) => typeof h === 'string' && HEX.test(h));
}

/** RFC 9162 2.1.3.2: does `proof` prove the leaf with `leafHash` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(index: number, size: number, leafHash: Hex, proof: readonly Hex[], root: Hex): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  if (!wellFormed([leafHash, root, ...proof])) return false;
  let fn = index;
  let sn = size - 1;
  let r = buf(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = hashNode(buf(p), r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashNode(r, buf(p));
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.toString('hex') === root;
}

/** MTH of a list of leaf hashes. */
function mth(leaves: readonly Buffer[], start: number, end: number): Buffer {
  if (end - start === 1) return leaves[start]!;
  const k = split(end - start);
  return hashNode(mth(leaves, start, start + k), mth(leaves, start + k, end));
}

/**
 * The root of the tree of `size` leaves whose leaves [first, first + leafHashes.length) are
 * `leafHashes`, the rest given by `proof` (MerkleTree.rangeProof); undefined when the proof does
 * not fit (too short, too long, malformed). Compare the result with a signed root.
 */
export function rootFromRange(first: number, size: number, leafHashes: readonly Hex[], proof: readonly Hex[]): Hex | undefined {
  const count = leafHashes.length;
  if (!Number.isInteger(first) || !Number.isInteger(size) || first < 0 || size < 1 || first + count > size) return undefined;
  if (!wellFormed(leafHashes) || !wellFormed(proof)) return undefined;
  const leaves = leafHashes.map(buf);
  let next = 0;
  const node = (start: number, end: number): Buffer | undefined => {
    if (end <= first || start >= first + count) return next < proof.length ? buf(proof[next++]!) : undefined;
    if (start >= first && end <= first + count) return mth(leaves, start - first, end - first);
    const k = split(end - start);
    const left = node(start, start + k);
    const right = left && node(start + k, end);
    return left && right && hashNode(left, right);
  };
  const root = node(0, size);
  return root && next === proof.length ? root.toString('hex') : undefined;
}

/** RFC 9162 2.1.4.2: does `proof` prove that the tree (`to`, `toRoot`) extends the tree (`from`, `fromRoot`)? */
export function verifyConsistency(from: number, to: number, fromRoot: Hex, toRoot: Hex, proof: readonly Hex[]): boolean {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || from > to) return false;
  if (!wellFormed([fromRoot, toRoot, ...proof])) return false;
  if (from === to) return proof.length === 0 && fromRoot === toRoot;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = buf(path[0]!);
  let sr = buf(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = hashNode(buf(c), fr);
      sr = hashNode(buf(c), sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashNode(sr, buf(c));
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.toString('hex') === fromRoot && sr.toString('hex') === toRoot && sn === 0;
}
