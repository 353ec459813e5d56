// Side by side: the platform of another checkout (A, e.g. a `git worktree` of the commit before a
// change, sharing this checkout's node_modules) against this one (B), the same query loaded
// alternately, the order flipped every round; prints each round and the median of B ÷ A.
//   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   npx tsx bench/graphql/compare-trees.ts /tmp/base [read|agenda] [rounds] [seconds]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, median, type LoadTarget } from './load';
import { AGENDA_QUERY, READ_QUERY } from './queries';

function start(root: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kom-compare-'));
  const child = fork(join(root, 'bench', 'graphql', 'platform-server.ts'), [dir], {
    cwd: root,
    execArgv: ['-r', join(root, 'bench', 'graphql', 'swc-register.js')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout!.resume();
  const ready = new Promise<Record<string, any>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, any>));
    child.once('exit', (code) => reject(new Error(`the platform in ${root} exited with ${code}`)));
  });
  return { child, dir, ready };
}

async function main(): Promise<void> {
  const [base, which = 'read', rounds = '8', seconds = '3'] = process.argv.slice(2);
  if (!base) throw new Error('usage: compare-trees.ts <other checkout> [read|agenda] [rounds] [seconds]');
  const servers = [start(base), start(join(__dirname, '..', '..'))];
  try {
    const [a, b] = await Promise.all(servers.map((server) => server.ready));
    const target = (seeded: Record<string, any>): LoadTarget => ({
      port: seeded.port,
      body: JSON.stringify(which === 'agenda' ? { query: AGENDA_QUERY, variables: { id: seeded.meetingId } } : { query: READ_QUERY }),
      headers: { authorization: `Bearer ${seeded.token}` },
    });
    const targets = [target(a!), target(b!)] as const;
    for (const t of targets) await load(t, { connections: 50, seconds: 2 });
    const ratios: number[] = [];
    for (let round = 0; round < Number(rounds); round++) {
      const rates = [0, 0];
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) rates[i] = (await load(targets[i]!, { connections: 50, seconds: Number(seconds) })).requestsPerSecond;
      ratios.push(rates[1]! / rates[0]!);
      console.error(`round ${round + 1}: A ${Math.round(rates[0]!)} B ${Math.round(rates[1]!)} req/s, B/A ${ratios.at(-1)!.toFixed(3)}`);
    }
    console.log(JSON.stringify({ which, rounds: ratios.length, medianRatio: Number(median(ratios).toFixed(3)) }));
  } finally {
    for (const { child, dir } of servers) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.disconnect();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
