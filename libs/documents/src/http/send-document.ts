import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BuiltDocument } from '../document-builder';

/** Opened in the browser; registers and calendars are saved. */
const INLINE = new Set(['application/pdf', 'text/html; charset=utf-8']);

/**
 * How long and by whom a response may be kept: `live` documents follow the log; `fixed` ones are at
 * a position the reader chose, so they never change but may hold what only this reader may see;
 * `published` ones are a published edition, the same bytes for everyone forever, so any cache may keep them.
 */
export type DocumentCaching = 'live' | 'fixed' | 'published';

const CACHE_CONTROL: Readonly<Record<DocumentCaching, string>> = {
  live: 'private, no-cache',
  fixed: 'private, max-age=31536000, immutable',
  published: 'public, max-age=31536000, immutable',
};

/**
 * Sends a built document: its type, a file name that says what it is (RFC 6266), and its hash as a
 * strong ETag, so a client that has it gets 304.
 */
export function sendDocument(request: FastifyRequest, reply: FastifyReply, document: BuiltDocument, caching: DocumentCaching): FastifyReply {
  const etag = `"${document.sha256}"`;
  reply
    .header('etag', etag)
    .header('cache-control', CACHE_CONTROL[caching])
    .header('x-content-type-options', 'nosniff')
    // An HTML document is shown as a page of its own: no script, no outside resource.
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .header('x-kom-position', document.provenance.position);
  const match = request.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return reply.status(304).send();
  }
  return reply
    .status(200)
    .type(document.contentType)
    .header('content-disposition', `${INLINE.has(document.contentType) ? 'inline' : 'attachment'}; filename="${document.fileName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
    .send(document.bytes);
}
