import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, CombinedGraphQLErrors } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { csrfToken, signInPath } from '../auth/session';
import { keepUnsavedText } from '../components/use-kept-state';
import { ResumeAfterDrop, setLiveStatus, statusAfterClose } from './live-status';

/** An expired or missing session: back to sign-in, and back here after it, with what was typed and not saved. */
function toSignIn(): void {
  if (window.location.pathname === '/sign-in') return;
  keepUnsavedText();
  window.location.assign(signInPath(window.location.pathname + window.location.search));
}

export function createApolloClient(): ApolloClient {
  const socketUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  // Set below: the socket's handlers run only once a page subscribes, after the client exists.
  let client: ApolloClient | undefined;
  const resume = new ResumeAfterDrop();
  const socket = createClient({
    url: socketUrl,
    lazy: true,
    connectionParams: () => ({ csrfToken: csrfToken() }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connecting: () => setLiveStatus('connecting'),
      connected: (_socket, _payload, wasRetry) => {
        setLiveStatus('live');
        // What changed while the socket was down was pushed to nobody: read what the page shows again,
        // a turn later, once the socket has sent its subscriptions again (they follow this event).
        if (resume.connected(wasRetry)) setTimeout(() => void client?.refetchQueries({ include: 'active' }), 0);
      },
      closed: (event) => {
        resume.closed(event);
        setLiveStatus(statusAfterClose(event));
      },
    },
  });
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const csrf = new SetContextLink((prev) => ({ headers: { ...prev.headers, 'X-CSRF-Token': csrfToken() ?? '' } }));
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) toSignIn();
  });
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(socket),
    ApolloLink.from([csrf, http]),
  );
  client = new ApolloClient({ link: ApolloLink.from([errors, transport]), cache: new InMemoryCache() });
  return client;
}
