import type { ProvenanceCheckpoint } from './provenance';

/** The Merkle facts of a log position: the root over the leaves up to it, and the checkpoint it extends. */
export interface PositionProof {
  readonly treeSize: number;
  readonly rootHash: string;
  /**
   * The newest signed checkpoint recorded in the log at or before the position (so the stamp is
   * fixed by the position); none while there is none.
   */
  readonly checkpoint: ProvenanceCheckpoint | null;
}

/**
 * LOG_PROOFS: what the audit notary knows, asked by position. A port, so that documents need
 * not know how the audit log is kept (the application binds it to the audit context).
 */
export interface LogProofs {
  at(position: bigint): Promise<PositionProof>;
}

export const LOG_PROOFS = Symbol.for('kom.documents.LogProofs');
