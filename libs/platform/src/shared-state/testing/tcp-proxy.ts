import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on a loopback port in front of the test PostgreSQL server, so that a test can take
 * the database away from a process and give it back: `cut()` drops every open connection (the
 * client sees its socket close, as in a network failure or a server crash) and stops listening
 * (a new connection is refused); `restore()` listens again on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: { readonly host: string; readonly port: number },
    private listenPort: number,
  ) {}

  /** A relay to the server of `databaseUrl`; `url` is the same database through the relay. */
  static async start(databaseUrl: string): Promise<TcpProxy> {
    const parsed = new URL(databaseUrl);
    const proxy = new TcpProxy({ host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 5432) }, 0);
    await proxy.listen();
    return proxy;
  }

  /** `databaseUrl` with its host and port replaced by the relay's. */
  url(databaseUrl: string): string {
    const parsed = new URL(databaseUrl);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.listenPort);
    return parsed.toString();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen();
  }

  close(): Promise<void> {
    return this.cut();
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        // Either side failing ends the pair; the error itself is the client's to see as a close.
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
    this.listenPort = (server.address() as { port: number }).port;
    this.server = server;
  }
}
