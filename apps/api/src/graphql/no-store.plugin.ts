import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * GraphQL answers are per caller and never to be kept by a browser or a proxy: `Cache-Control:
 * no-store` on every one. The schema declares no cache hints, so Apollo's cache-control plugin
 * (installed by default, a hook on every resolved field) could only ever compute this same
 * header: it is replaced by these two lines.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
