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
