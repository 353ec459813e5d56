import { START as CLIENT_START } from '@kurrent/kurrentdb-client';
import type { Position as KurrentPosition, ReadPosition } from '@kurrent/kurrentdb-client';
import { START, type Position } from '../event-store.port';

/**
 * KurrentDB addresses the global log ($all) with a (commit, prepare) pair of unsigned 64-bit
 * transaction-file offsets, ordered lexicographically. The port uses one bigint, so the pair is
 * packed as `commit << 64n | prepare`: for values that fit in 64 bits each, packed order is exactly
 * the lexicographic (commit, prepare) order, and the packing is lossless.
 */

const U64_MAX = (1n << 64n) - 1n;

export type { KurrentPosition };

function assertU64(name: string, value: bigint): void {
  if (typeof value !== 'bigint' || value < 0n || value > U64_MAX) {
    throw new RangeError(`KurrentDB ${name} position must be an unsigned 64-bit integer, got ${String(value)}`);
  }
}

/** Packs the server's (commit, prepare) pair into the port's single bigint. */
export function packPosition(position: Readonly<KurrentPosition>): Position {
  assertU64('commit', position.commit);
  assertU64('prepare', position.prepare);
  return (position.commit << 64n) | position.prepare;
}

/** Splits a packed position back into the server's (commit, prepare) pair. */
export function unpackPosition(packed: Position): KurrentPosition {
  if (typeof packed !== 'bigint' || packed < 0n || packed > (U64_MAX << 64n) + U64_MAX) {
    throw new RangeError(`Not a packed KurrentDB position: ${String(packed)}`);
  }
  return { commit: packed >> 64n, prepare: packed & U64_MAX };
}

/**
 * The position to hand the client when resuming after `packed`: the port's START (0n) is the
 * client's START constant; anything else is the unpacked (commit, prepare) pair.
 */
export function toClientReadPosition(packed: Position): ReadPosition {
  return packed === START ? CLIENT_START : unpackPosition(packed);
}

/**
 * Whether the server actually reported a position. Servers older than 22.6 (and events written in
 * explicit transactions) report none on stream reads: the client then gives `undefined`, or the
 * "no position" sentinel 2^64-1 (-1 on the wire).
 */
export function hasPosition(position: Readonly<KurrentPosition> | undefined): position is KurrentPosition {
  return (
    position !== undefined &&
    typeof position.commit === 'bigint' &&
    typeof position.prepare === 'bigint' &&
    position.commit >= 0n &&
    position.prepare >= 0n &&
    position.commit < U64_MAX &&
    position.prepare < U64_MAX
  );
}
