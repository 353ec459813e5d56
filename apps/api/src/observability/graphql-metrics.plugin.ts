import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { KomMetrics } from '@kom/platform';

/**
 * The operation's label: its first root field (`createMeeting`, `issues`), which the schema bounds,
 * never the client's operationName, which anyone may fill with anything (and so with unbounded
 * label values, or personal data).
 */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  const first = operation?.selectionSet.selections[0];
  if (!first) return '(none)';
  return first.kind === Kind.FIELD ? first.name.value : '(fragment)';
}

/** Counts every GraphQL operation over HTTP, its errors by code, and how long the answer took. */
export function graphqlMetricsPlugin(metrics: KomMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let operation = '(unresolved)';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation: resolved }) {
          operation = operationLabel(resolved);
          type = resolved?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const labels = { operation, type };
          metrics.graphqlRequests.inc({ ...labels, transport: 'http' });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
          for (const code of codes) metrics.graphqlErrors.inc({ ...labels, code });
          end(labels);
        },
      };
    },
  };
}

/**
 * The subscription's event stream, counted in the live-subscriptions gauge from its start until it
 * ends, whichever way (client completes, socket closes, server shuts down). Not an async generator:
 * its return() would wait behind a pending next(); this one forwards return() at once.
 */
export function countedSubscription<T>(source: AsyncIterable<T>, metrics: KomMetrics): AsyncIterableIterator<T> & { return(): Promise<IteratorResult<T>> } {
  const iterator = source[Symbol.asyncIterator]();
  let live = true;
  metrics.subscriptions.inc();
  const done = () => {
    if (live) metrics.subscriptions.dec();
    live = false;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const result = await iterator.next();
        if (result.done) done();
        return result;
      } catch (error) {
        done();
        throw error;
      }
    },
    async return() {
      done();
      return (await iterator.return?.()) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      done();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}
