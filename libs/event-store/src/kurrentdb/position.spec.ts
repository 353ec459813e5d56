import { START as CLIENT_START } from '@kurrent/kurrentdb-client';
import { START } from '../event-store.port';
import { hasPosition, packPosition, toClientReadPosition, unpackPosition } from './position';

const U64_MAX = (1n << 64n) - 1n;

describe('KurrentDB position packing', () => {
  const samples = [
    { commit: 0n, prepare: 0n },
    { commit: 0n, prepare: 1n },
    { commit: 1n, prepare: 0n },
    { commit: 1n, prepare: 1n },
    { commit: 4_398_046n, prepare: 4_398_046n },
    { commit: 4_398_046n, prepare: 4_398_400n },
    { commit: 4_398_046n, prepare: U64_MAX },
    { commit: 4_398_047n, prepare: 0n },
    { commit: 2n ** 63n - 1n, prepare: 2n ** 63n - 1n },
    { commit: U64_MAX, prepare: U64_MAX },
  ];

  it('round-trips every (commit, prepare) pair', () => {
    for (const position of samples) {
      expect(unpackPosition(packPosition(position))).toEqual(position);
    }
  });

  it('packs as commit << 64 | prepare', () => {
    expect(packPosition({ commit: 3n, prepare: 5n })).toBe((3n << 64n) + 5n);
    expect(unpackPosition((7n << 64n) | 9n)).toEqual({ commit: 7n, prepare: 9n });
  });

  it('preserves the lexicographic (commit, prepare) order', () => {
    const lexicographic = (a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }) =>
      a.commit === b.commit ? Math.sign(Number(a.prepare - b.prepare)) : Math.sign(Number(a.commit - b.commit));
    const compare = (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1);
    for (const a of samples) {
      for (const b of samples) {
        expect(compare(packPosition(a), packPosition(b))).toBe(lexicographic(a, b));
      }
    }
    // Random pairs too, including large values where Number() would lose precision.
    let seed = 42n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & U64_MAX);
    for (let i = 0; i < 500; i++) {
      const a = { commit: next() >> 40n, prepare: next() };
      const b = { commit: i % 3 === 0 ? a.commit : next() >> 40n, prepare: next() };
      const expected = a.commit === b.commit ? compare(a.prepare, b.prepare) : compare(a.commit, b.commit);
      expect(compare(packPosition(a), packPosition(b))).toBe(expected);
    }
  });

  it("maps the port's START (0n) to the client's START, and back from (0, 0)", () => {
    expect(toClientReadPosition(START)).toBe(CLIENT_START);
    expect(packPosition({ commit: 0n, prepare: 0n })).toBe(START);
    expect(toClientReadPosition((12n << 64n) | 34n)).toEqual({ commit: 12n, prepare: 34n });
  });

  it('refuses values that do not fit in 64 bits, and negative ones', () => {
    expect(() => packPosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => packPosition({ commit: 0n, prepare: U64_MAX + 1n })).toThrow(RangeError);
    expect(() => unpackPosition(-1n)).toThrow(RangeError);
    expect(() => unpackPosition(1n << 128n)).toThrow(RangeError);
  });

  it('treats a missing position and the "no position" sentinel as absent', () => {
    expect(hasPosition(undefined)).toBe(false);
    expect(hasPosition({ commit: U64_MAX, prepare: U64_MAX })).toBe(false);
    expect(hasPosition({ commit: -1n, prepare: -1n })).toBe(false);
    expect(hasPosition({ commit: 10n, prepare: 10n })).toBe(true);
  });
});
