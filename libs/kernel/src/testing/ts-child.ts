import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Bundles a TypeScript entry point (and the workspace code it imports, through tsconfig paths) into
 * one CommonJS file that plain `node` starts, for tests that start a child process many times. Under
 * tsx's loader each start resolves and loads a few hundred TypeScript files again, which costs
 * seconds of CPU per start; the bundle loads from one file. It is the same esbuild transform tsx
 * applies, so the child runs the same code. Packages stay in node_modules: the bundle is written
 * under node_modules/.cache, from where they resolve.
 */
export async function bundleTsChild(entry: string): Promise<{ file: string; remove: () => void }> {
  const tsx = require.resolve('tsx');
  // tsx's own esbuild: the compiler its loader would have used.
  const esbuild = require(require.resolve('esbuild', { paths: [dirname(tsx)] })) as typeof import('esbuild');
  const cache = join(tsx.slice(0, tsx.lastIndexOf('node_modules') + 'node_modules'.length), '.cache', 'kom-ts-child');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `${basename(entry, '.ts')}-`));
  const file = join(dir, `${basename(entry, '.ts')}.cjs`);
  await esbuild.build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A started child: its output so far, and a promise for a line of it. */
export interface BundledChild {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the child has printed `text` as a whole line (stdout). */
  line(text: string): Promise<void>;
  /** stdout and stderr so far. */
  output(): string;
}

/**
 * Starts a bundle from bundleTsChild with plain node (not the tsx CLI, which runs the script in a
 * grandchild that a SIGKILL of the CLI would leave running). `children` holds it until it closes,
 * so a test's teardown can kill what is left.
 */
export function startBundledChild(children: Set<ChildProcess>, bundle: string, args: readonly string[], cwd: string): BundledChild {
  const child = spawn(process.execPath, [bundle, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiting.splice(0)) {
      if (out.split('\n').includes(w.text)) w.resolve();
      else waiting.push(w);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    process: child,
    exited,
    line: (text) =>
      new Promise<void>((resolve) => {
        if (out.split('\n').includes(text)) resolve();
        else waiting.push({ text, resolve });
      }),
    output: () => out,
  };
}
