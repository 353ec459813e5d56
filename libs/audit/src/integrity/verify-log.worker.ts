import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@kom/event-store';
import { openLeafHints } from '../read-models/leaf-hints';
import { verifyWholeLog } from '../verification/whole-log';
import type { VerifyLogJob, VerifyLogOutcome, VerifyLogProgress } from './verify-log.job';

// A worker thread's entry: verifies the embedded log through its own read-only connections, so
// the hashing runs on another core and the API's event loop keeps serving requests.
async function run(job: VerifyLogJob): Promise<VerifyLogOutcome> {
  const store = SqliteEventStore.openReadOnly(job.eventsFile);
  const leaves = openLeafHints(job.readModelsFile);
  try {
    const onProgress = (checked: number) => parentPort?.postMessage({ progress: checked } satisfies VerifyLogProgress);
    return { ok: true, report: await verifyWholeLog(store, job.publicKey, leaves.hints, { onProgress }) };
  } finally {
    leaves.close();
    await store.close();
  }
}

/**
 * Background work yields to requests: on Linux this thread (and only this thread: setpriority takes
 * a thread id there) gets nice 10, so on a busy machine the API's threads are scheduled first.
 * Elsewhere, or where it is not allowed, it runs at normal priority.
 */
function lowerPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // not Linux, or not permitted
  }
}

lowerPriority();
run(workerData as VerifyLogJob).then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies VerifyLogOutcome),
);
