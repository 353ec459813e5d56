import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IntegrityReport } from '../verification/log-verifier';
import { VERIFY_LOG_WORKER, type VerifyLogJob, type VerifyLogMessage } from './verify-log.job';

/**
 * Where the worker's code is: the compiled verify-log.worker.js beside this module (the build bundles
 * it next to main.js, see apps/api/webpack.config.js), or else the TypeScript source, run through
 * tsx's require hook (under jest, tsx and the CLI, which run the sources).
 */
function startWorker(job: VerifyLogJob): Worker {
  const compiled = join(__dirname, `${VERIFY_LOG_WORKER}.js`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });
  const source = join(__dirname, `${VERIFY_LOG_WORKER}.ts`);
  if (!existsSync(source)) throw new Error(`The log verification worker is missing (${compiled})`);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, { eval: true, workerData: job });
}

/** Verifies the embedded log in a worker thread; rejects when the worker fails, exits without an answer or is aborted. */
export function verifyLogInWorker(job: VerifyLogJob, signal?: AbortSignal, onProgress?: (checkedEvents: number) => void): Promise<IntegrityReport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (work: () => void) => {
      if (settled) return;
      settled = true;
      work();
    };
    const worker = startWorker(job);
    worker.on('message', (message: VerifyLogMessage) => {
      if ('progress' in message) return onProgress?.(message.progress);
      settle(() => (message.ok ? resolve(message.report) : reject(new Error(`The log verification failed: ${message.error}`))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The log verification worker exited (${code}) without a report`))));
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
  });
}
