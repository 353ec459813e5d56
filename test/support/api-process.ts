import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, 'ts-register.js');
const MAIN = join(ROOT, 'apps', 'api', 'src', 'main.ts');

/** The API's real entry point in its own process, as an operator starts it. */
export interface ApiProcess {
  readonly process: ChildProcess;
  readonly port: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** stdout and stderr so far. */
  output(): string;
  stderr(): string;
  /** Resolves true once /health answers, false if the process exits first. */
  serving(timeoutMs?: number): Promise<boolean>;
  url(path: string): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the API on `dataDir`; its working directory is `workDir` (where it prints its schema).
 * From its TypeScript sources, or from a built bundle (`bundle`: its main.js) as production runs it.
 */
export async function startApiProcess(dataDir: string, workDir: string, env: Record<string, string> = {}, bundle?: string): Promise<ApiProcess> {
  mkdirSync(join(workDir, 'schema'), { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, bundle ? [bundle] : ['-r', REGISTER, MAIN], {
    cwd: workDir,
    env: { PATH: process.env.PATH, KOM_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    err += chunk.toString();
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  return {
    process: child,
    port,
    exited,
    output: () => out,
    stderr: () => err,
    url,
    async serving(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (!done && Date.now() < until) {
        const ok = await fetch(url('/health')).then((r) => r.ok, () => false);
        if (ok) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    },
  };
}
