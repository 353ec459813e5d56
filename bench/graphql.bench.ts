// G1: GraphQL reads of the platform next to a bare @apollo/server on the same schema and the same
// data, both started here as child processes and loaded in turn by the same load generator (50
// keep-alive connections): rounds alternate, the order flips every round, the ratio of each round
// is platform/bare and the median of the rounds is printed.
//   npx tsx bench/graphql.bench.ts [rounds] [seconds]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENDA_QUERY, READ_QUERY, organizationMutations } from './graphql/queries';
import { load, median, mutate, percentile, type LoadTarget } from './graphql/load';

export interface GraphqlFigures {
  /** Median over rounds of platform requests/s ÷ bare Apollo requests/s, the measures + organisations query. */
  graphqlReadRatio: number;
  /** The same for the 20-item agenda query. */
  graphqlAgendaRatio: number;
  /** p99 latency of the platform's answers to the measures + organisations query under that load. */
  graphqlP99Ms: number;
  graphqlReadPerSecond: number;
  graphqlReadBarePerSecond: number;
  graphqlAgendaPerSecond: number;
  graphqlAgendaBarePerSecond: number;
  /** G2: p99 latency of mutations (each answered once its projections caught up) from 10 concurrent clients. */
  readYourWritesP99Ms: number;
  readYourWritesP50Ms: number;
  readYourWritesPerSecond: number;
}

export interface GraphqlOptions {
  rounds?: number;
  seconds?: number;
  connections?: number;
}

interface Started {
  child: ChildProcess;
  message: Record<string, any>;
}

/** nodeArgs: e.g. KOM_BENCH_PLATFORM_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the platform under load. */
function start(script: string, args: string[], env: NodeJS.ProcessEnv = process.env, nodeArgs: string[] = []): Started & { ready: Promise<Record<string, any>> } {
  const child = fork(join(__dirname, 'graphql', script), args, { execArgv: [...nodeArgs, '-r', join(__dirname, 'graphql', 'swc-register.js')], stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env });
  // The request log is written to a pipe, as under a process manager, and read and dropped here.
  child.stdout!.resume();
  const ready = new Promise<Record<string, any>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, any>));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, message: {}, ready };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function benchGraphql(options: GraphqlOptions = {}): Promise<GraphqlFigures> {
  const rounds = options.rounds ?? 7;
  const seconds = options.seconds ?? 4;
  const connections = options.connections ?? 50;
  const dir = mkdtempSync(join(tmpdir(), 'kom-bench-graphql-'));
  // Both children load their libraries as in production (graphql-js, Apollo read NODE_ENV); the
  // platform's own configuration stays the development one (the embedded token issuer), see platform-server.ts.
  const platform = start('platform-server.ts', [dir], {
    ...process.env,
    NODE_ENV: 'production',
    KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
  }, (process.env.KOM_BENCH_PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean));
  let bare: ReturnType<typeof start> | undefined;
  try {
    const seeded = await platform.ready;
    bare = start('bare-apollo-server.ts', [], { ...process.env, NODE_ENV: 'production' });
    bare.child.send({ snapshot: seeded.snapshot });
    const bareReady = await bare.ready;
    const headers = { authorization: `Bearer ${seeded.token}` };
    const targets: Record<'read' | 'agenda', { platform: LoadTarget; bare: LoadTarget }> = {
      read: {
        platform: { port: seeded.port, body: JSON.stringify({ query: READ_QUERY }), headers },
        bare: { port: bareReady.port, body: JSON.stringify({ query: READ_QUERY }), headers },
      },
      agenda: {
        platform: { port: seeded.port, body: JSON.stringify({ query: AGENDA_QUERY, variables: { id: seeded.meetingId } }), headers },
        bare: { port: bareReady.port, body: JSON.stringify({ query: AGENDA_QUERY, variables: { id: seeded.meetingId } }), headers },
      },
    };
    // Warm both (JIT, caches) before anything counts.
    for (const query of ['read', 'agenda'] as const) {
      await load(targets[query].platform, { connections, seconds: 1 });
      await load(targets[query].bare, { connections, seconds: 1 });
    }
    const rates = { read: { platform: [] as number[], bare: [] as number[], ratio: [] as number[] }, agenda: { platform: [] as number[], bare: [] as number[], ratio: [] as number[] } };
    const platformReadLatencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const query of ['read', 'agenda'] as const) {
        const order = round % 2 === 0 ? (['platform', 'bare'] as const) : (['bare', 'platform'] as const);
        const measured: Record<string, number> = {};
        for (const server of order) {
          const result = await load(targets[query][server], { connections, seconds });
          measured[server] = result.requestsPerSecond;
          rates[query][server].push(result.requestsPerSecond);
          if (query === 'read' && server === 'platform') platformReadLatencies.push(...result.latenciesMs);
        }
        rates[query].ratio.push(measured.platform! / measured.bare!);
      }
      if (process.env.KOM_BENCH_VERBOSE) console.error(`round ${round + 1}: read ${rates.read.ratio.at(-1)!.toFixed(2)}, agenda ${rates.agenda.ratio.at(-1)!.toFixed(2)}`);
    }
    // G2: 10 clients, each registering organisations one after the other (a new stream each) and
    // renaming it (a stream with history); each answer comes once the read models show the change.
    // Warmed first, as the reads are: the mutation path's code is not yet compiled after the reads.
    const writeLoad = (phase: string, measuredSeconds: number) => {
      const writes = organizationMutations(`Benkorganisasjon ${phase}`);
      return mutate(seeded.port, seeded.secretariat, writes.next, { clients: 10, seconds: measuredSeconds }, writes.answered);
    };
    await writeLoad('oppvarming', 2);
    const writes = await writeLoad('måling', Math.max(3, seconds * 2));
    return {
      readYourWritesP99Ms: percentile(writes.latenciesMs, 99),
      readYourWritesP50Ms: percentile(writes.latenciesMs, 50),
      readYourWritesPerSecond: writes.requestsPerSecond,
      graphqlReadRatio: median(rates.read.ratio),
      graphqlAgendaRatio: median(rates.agenda.ratio),
      graphqlP99Ms: percentile(platformReadLatencies, 99),
      graphqlReadPerSecond: median(rates.read.platform),
      graphqlReadBarePerSecond: median(rates.read.bare),
      graphqlAgendaPerSecond: median(rates.agenda.platform),
      graphqlAgendaBarePerSecond: median(rates.agenda.bare),
    };
  } finally {
    await stop(platform.child);
    if (bare) await stop(bare.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [rounds, seconds] = process.argv.slice(2).map(Number);
  benchGraphql({ rounds: rounds || undefined, seconds: seconds || undefined })
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
