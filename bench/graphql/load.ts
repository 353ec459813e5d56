// A small closed-loop HTTP load generator: `connections` keep-alive connections, each sending the
// next request as soon as the previous answer is read, for a fixed time. Counts answers and keeps
// each request's latency (for percentiles). Every answer must be 200 and carry no GraphQL errors
// (checked on the first and then on every 100th answer, so that a refusal cannot pass as speed).
import { Agent, request } from 'node:http';

export interface LoadTarget {
  readonly port: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  latenciesMs: number[];
}

export async function load(target: LoadTarget, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const payload = Buffer.from(target.body);
  const headers = { 'content-type': 'application/json', 'content-length': String(payload.length), ...target.headers };
  const latenciesMs: number[] = [];
  let answers = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = request({ host: '127.0.0.1', port: target.port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          latenciesMs.push(performance.now() - started);
          const check = answers % 100 === 0;
          answers++;
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          if (check) {
            const body = JSON.parse(Buffer.concat(chunks).toString()) as { errors?: unknown; data?: unknown };
            if (body.errors || !body.data) return reject(new Error(`GraphQL errors: ${JSON.stringify(body).slice(0, 300)}`));
          }
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { requestsPerSecond: answers / elapsed, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/**
 * `clients` clients, each sending its next mutation when the previous one is answered, for a fixed
 * time; every answer must be free of errors. The latencies are those the clients saw: a mutation is
 * answered only once the local read models have caught up with its events.
 */
export async function mutate(
  port: number,
  token: string,
  next: (client: number, n: number) => { query: string; variables: Record<string, unknown> },
  options: { clients: number; seconds: number },
  answered: (client: number, data: any) => void = () => undefined,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const latenciesMs: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  const once = (client: number, body: string) =>
    new Promise<void>((resolve, reject) => {
      const payload = Buffer.from(body);
      const started = performance.now();
      const headers = { 'content-type': 'application/json', 'content-length': String(payload.length), authorization: `Bearer ${token}` };
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          latenciesMs.push(performance.now() - started);
          const text = Buffer.concat(chunks).toString();
          const answer = JSON.parse(text) as { errors?: unknown; data?: unknown };
          if (res.statusCode !== 200 || answer.errors) return reject(new Error(`mutation refused: ${text.slice(0, 300)}`));
          answered(client, answer.data);
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) await once(client, JSON.stringify(next(client, n)));
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { requestsPerSecond: latenciesMs.length / elapsed, latenciesMs };
}
