// Profiles the platform answering one query under load, nothing else:
//   npx tsx bench/graphql/profile-read.ts [read|agenda] [seconds] [cpu-prof-dir]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './load';
import { AGENDA_QUERY, READ_QUERY } from './queries';

async function main(): Promise<void> {
  const [which = 'read', seconds = '10', profDir = '/tmp/prof-read'] = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'kom-profile-'));
  const child = fork(join(__dirname, 'platform-server.ts'), [dir], {
    execArgv: [...(profDir === '-' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`]), ...(process.env.KOM_BENCH_PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean), '-r', join(__dirname, 'swc-register.js')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout!.resume();
  const seeded = await new Promise<Record<string, any>>((resolve) => child.once('message', (m) => resolve(m as Record<string, any>)));
  const body = which === 'agenda' ? JSON.stringify({ query: AGENDA_QUERY, variables: { id: seeded.meetingId } }) : JSON.stringify({ query: READ_QUERY });
  const target = { port: seeded.port, body, headers: { authorization: `Bearer ${seeded.token}` } };
  await load(target, { connections: 50, seconds: 2 });
  const result = await load(target, { connections: 50, seconds: Number(seconds) });
  console.log(JSON.stringify({ which, requestsPerSecond: Math.round(result.requestsPerSecond) }));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
  rmSync(dir, { recursive: true, force: true });
}

void main();
