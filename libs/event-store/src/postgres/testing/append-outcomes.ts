import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppendOutcomesPlan {
  /** Each writer appends to these in turn. */
  readonly streams: readonly string[];
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
}

export interface AppendOutcome {
  readonly ids: string[];
  /** 'appended', 'unavailable' (EventStoreUnavailableError), or 'untyped …' with the error. */
  readonly outcome: string;
}

export interface AppendOutcomesReport {
  readonly outcomes: AppendOutcome[];
  /** Connections the worker's pool reported lost. */
  readonly lostConnections: number;
}

/** How a worker process ended: its exit code, and its report when it printed one. */
export interface AppendOutcomesExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly report: AppendOutcomesReport | undefined;
}

export interface AppendOutcomeWorkers {
  /** Resolves once every worker has connected (and migrated): a start is not what is under test. */
  readonly connected: Promise<void>;
  /** Lets every worker begin its appends; until then each waits with its pool connected. */
  go(): void;
  /** How each worker ended. */
  readonly exits: Promise<AppendOutcomesExit[]>;
}

/**
 * Starts `processes` append-outcomes workers (separate OS processes) at once. `exits` resolves
 * with how each ended, whatever that was: a worker that dies is the finding, not an error of the
 * runner.
 */
export function runAppendOutcomeWorkers(url: string, processes: number, plan: AppendOutcomesPlan): AppendOutcomeWorkers {
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const script = join(__dirname, 'append-outcomes-worker.ts');
  const started = Array.from({ length: processes }, () => {
    const child = spawn(process.execPath, ['--import', loader, script, url, JSON.stringify(plan)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: join(__dirname, '../../../../..'),
    });
    let out = '';
    let err = '';
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => (connected = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('connected\n')) connected();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exit = new Promise<AppendOutcomesExit>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        connected(); // a worker that died before connecting must not keep the caller waiting
        const last = out.trim().split('\n').pop();
        resolve({ code, signal, stderr: err.trim(), report: code === 0 && last ? (JSON.parse(last) as AppendOutcomesReport) : undefined });
      });
    });
    child.stdin.on('error', () => undefined); // a worker that died before go is reported by its exit
    return { ready, exit, go: () => child.stdin.end('go\n') };
  });
  return {
    connected: Promise.all(started.map((s) => s.ready)).then(() => undefined),
    exits: Promise.all(started.map((s) => s.exit)),
    go: () => started.forEach((s) => s.go()),
  };
}
