// Child-process entry of the GraphQL read benchmark: the baseline. A bare @apollo/server (its own
// standalone HTTP server, no plugins, no authentication, no logging) on the platform's published
// schema (schema/kom.graphql) answering from the same data, copied into memory from the platform's
// answers. Receives { snapshot } over IPC, answers { port }.
//   node --import tsx bench/graphql/bare-apollo-server.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

interface Snapshot {
  read: { measures: unknown[]; organizations: { edges: Array<{ node: unknown }> } };
  agenda: { meeting: { id: string } };
}

process.once('message', (message: { snapshot: Snapshot }) => {
  void start(message.snapshot).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});

async function start(snapshot: Snapshot): Promise<void> {
  const typeDefs = readFileSync(join(__dirname, '..', '..', 'schema', 'kom.graphql'), 'utf8');
  const organizations = snapshot.read.organizations.edges.map((edge) => edge.node);
  const meetings = new Map([[snapshot.agenda.meeting.id, snapshot.agenda.meeting]]);
  const resolvers = {
    Query: {
      measures: () => snapshot.read.measures,
      organizations: (_: unknown, args: { first?: number }) => {
        const page = organizations.slice(0, args.first ?? 20);
        return { edges: page.map((node, i) => ({ node, cursor: String(i) })), pageInfo: { hasNextPage: organizations.length > page.length, endCursor: String(page.length - 1) } };
      },
      meeting: (_: unknown, args: { id: string }) => meetings.get(args.id) ?? null,
    },
  };
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  process.send!({ port: Number(new URL(url).port) });
  process.on('disconnect', () => {
    void server.stop().finally(() => process.exit(0));
  });
}
