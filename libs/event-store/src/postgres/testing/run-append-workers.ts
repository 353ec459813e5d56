import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppendWorkerPlan } from './append-worker';

export interface AppendWorkerReport {
  readonly appended: number;
  readonly transactions: number;
  readonly appends: number;
  readonly refusals: number;
}

/** Runs `processes` append workers (separate OS processes) at once; resolves with their reports. */
export async function runAppendWorkers(url: string, processes: number, plan: AppendWorkerPlan): Promise<AppendWorkerReport[]> {
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const script = join(__dirname, 'append-worker.ts');
  return Promise.all(
    Array.from({ length: processes }, () => {
      const child = spawn(process.execPath, ['--import', loader, script, url, JSON.stringify(plan)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: join(__dirname, '../../../../..'),
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      return new Promise<AppendWorkerReport>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => {
          if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as AppendWorkerReport);
          else reject(new Error(`append worker exited with ${code}: ${err.trim()}`));
        });
      });
    }),
  );
}
