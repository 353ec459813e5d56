import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Paths the API owns. A client route never starts with one of them, so an unknown API path
 * answers 404 instead of the web app's page (a client expecting JSON never gets HTML).
 */
export const API_PATH_PREFIXES = ['/graphql', '/health', '/auth', '/.well-known', '/api', '/documents', '/calendar', '/reports', '/evidence', '/metrics'] as const;

/** Vite names every built asset after a hash of its content: a changed file is a new URL. */
const HASHED_ASSETS = 'assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function isApiPath(url: string): boolean {
  const path = url.split('?')[0];
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

/** A client route: no file extension in its last segment (a missing `/x.js` is a 404, not the page). */
function isClientRoute(url: string): boolean {
  const last = url.split('?')[0].split('/').pop() ?? '';
  return !last.includes('.');
}

/**
 * Serves the built web app: hashed assets cached for a year, index.html revalidated on every
 * load so a new release is picked up at once, and index.html for every client route.
 * Returns false (serving nothing) when the app has not been built.
 */
export async function serveWebApp(fastify: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  const hashedAssets = join(webDir, HASHED_ASSETS) + sep;
  await fastify.register(fastifyStatic, {
    root: webDir,
    // Routes for the files present at start; the wildcard route below is the client router's.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', path.startsWith(hashedAssets) ? IMMUTABLE : REVALIDATE);
    },
  });
  const page = (reply: FastifyReply) => reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
  fastify.get('/', (_request, reply) => page(reply));
  fastify.get('/*', (request, reply) => {
    if (isApiPath(request.url) || !isClientRoute(request.url)) {
      return reply.code(404).header('Cache-Control', REVALIDATE).send({ error: 'NOT_FOUND', path: request.url.split('?')[0] });
    }
    return page(reply);
  });
  return true;
}
