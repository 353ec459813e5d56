import { runCli } from '../../apps/cli/src/run-cli';

/**
 * Runs the operator CLI (`kom <argv>`) on a data directory and collects what it printed: stdout in
 * `out`, stderr in `err` — or, with `stderrToOut`, both in `out` in the order printed.
 */
export async function runOperatorCli(
  dataDir: string,
  argv: string[],
  options: { stderrToOut?: boolean } = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { KOM_DATA_DIR: dataDir }, (l) => out.push(l), (l) => (options.stderrToOut ? out : err).push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
