import { performance } from 'node:perf_hooks';
import type { EventStore, RecordedEvent } from '@kom/event-store';
import { toPublicKey, type AuditPublicKey } from '../checkpoints/signing';
import { LogVerifier, type IntegrityReport, type LeafHint } from './log-verifier';
import { readKeyRing } from '../checkpoints/key-ring-store';
import type { KeyRing } from '../checkpoints/key-rotation';

const PAGE = 1000;

/** Every event of the log in order, page by page. */
export async function* walkLog(store: EventStore, options: { pageSize?: number } = {}): AsyncGenerator<RecordedEvent> {
  const size = options.pageSize ?? PAGE;
  let from = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: size });
    if (page.length === 0) return;
    yield* page;
    from = page[page.length - 1]!.position;
    if (page.length < size) return;
  }
}

export interface WholeLogOptions {
  /** Events read per page (default 1000). */
  readonly pageSize?: number;
  /** Awaited whenever `sliceMs` of work has passed since the last pause: lets a caller on the event loop give other work its turn. */
  readonly pause?: () => Promise<void>;
  /** Default 10. */
  readonly sliceMs?: number;
  /** Told the number of events checked so far, after each page. */
  readonly onProgress?: (checkedEvents: number) => void;
}

function refused(reason: string): IntegrityReport {
  return { checkedEvents: 0, valid: false, firstInvalidPosition: null, reason, checkpointsChecked: 0, treeSize: 0 };
}

/** Walks the whole log: every chain, every checkpoint's signature (by the key valid then) and root. */
export async function verifyWholeLog(
  store: EventStore,
  publicKey: AuditPublicKey,
  leafHints?: (fromIndex: number, toIndex: number) => readonly LeafHint[],
  options: WholeLogOptions = {},
): Promise<IntegrityReport> {
  // The keys of the log's life, from its rotations: refused when they do not chain, or when the
  // key the caller trusts is not among them.
  let ring: KeyRing;
  try {
    ring = (await readKeyRing(store, publicKey)).ring;
  } catch (error) {
    return refused(`the log's key rotations do not verify: ${(error as Error).message}`);
  }
  if (!ring.some((k) => k.keyId === publicKey.keyId)) {
    return refused(`the key ${publicKey.keyId} is not among the keys the log names (${ring.map((k) => k.keyId).join(', ')})`);
  }
  const verifier = new LogVerifier({ key: toPublicKey(publicKey.publicKeyPem), leafHints, ring });
  const { pause, sliceMs = 10 } = options;
  let sliceStart = performance.now();
  const page = options.pageSize ?? PAGE;
  let checked = 0;
  for await (const event of walkLog(store, { pageSize: options.pageSize })) {
    verifier.add(event);
    checked += 1;
    if (options.onProgress && checked % page === 0) options.onProgress(checked);
    if (pause && performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  options.onProgress?.(checked);
  return verifier.report();
}
