import type { AuditPublicKey } from '../checkpoints/signing';
import type { IntegrityReport } from '../verification/log-verifier';

/** What the verification worker is given (structured-cloned into it). */
export interface VerifyLogJob {
  readonly eventsFile: string;
  /** The replica's read models, for the notary's leaf hints; none for an in-memory database. */
  readonly readModelsFile: string | undefined;
  readonly publicKey: AuditPublicKey;
}

export type VerifyLogOutcome = { readonly ok: true; readonly report: IntegrityReport } | { readonly ok: false; readonly error: string };

/** Sent by the worker while it runs: the events checked so far. */
export interface VerifyLogProgress {
  readonly progress: number;
}

export type VerifyLogMessage = VerifyLogOutcome | VerifyLogProgress;

/** The worker's file name without extension, beside the module that starts it (and beside main.js in the build). */
export const VERIFY_LOG_WORKER = 'verify-log.worker';
