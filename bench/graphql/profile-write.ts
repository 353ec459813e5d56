// Profiles the platform answering read-your-writes mutations (G2's load: 10 clients registering
// and renaming organisations), nothing else:
//   npx tsx bench/graphql/profile-write.ts [seconds] [cpu-prof-dir]
// Without a directory ('-') it only prints the rate and the latencies.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutate, percentile } from './load';
import { organizationMutations } from './queries';

async function main(): Promise<void> {
  const [seconds = '10', profDir = '/tmp/prof-write'] = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'kom-profile-'));
  const profile = profDir === '-' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
  const child = fork(join(__dirname, 'platform-server.ts'), [dir], {
    execArgv: [...profile, ...(process.env.KOM_BENCH_PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean), '-r', join(__dirname, 'swc-register.js')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    // As graphql.bench.ts: the rate limit stays on, high enough for the load.
    env: { ...process.env, NODE_ENV: 'production', KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' },
  });
  child.stdout!.resume();
  const seeded = await new Promise<Record<string, any>>((resolve) => child.once('message', (m) => resolve(m as Record<string, any>)));
  const run = (s: number) => {
    const writes = organizationMutations(`Profilorganisasjon ${s}`);
    return mutate(seeded.port, seeded.secretariat, writes.next, { clients: 10, seconds: s }, writes.answered);
  };
  await run(2);
  const result = await run(Number(seconds));
  const ms = (q: number) => Number(percentile(result.latenciesMs, q).toFixed(1));
  console.log(JSON.stringify({ mutationsPerSecond: Math.round(result.requestsPerSecond), p50: ms(50), p90: ms(90), p99: ms(99), max: ms(100) }));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
  rmSync(dir, { recursive: true, force: true });
}

void main();
