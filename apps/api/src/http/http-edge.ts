import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Origins seen (protocol and host), and whether a URL can be built from each: few in practice. */
const origins = new Map<string, boolean>();
const ORIGINS_KEPT = 64;

function usableOrigin(origin: string): boolean {
  let usable = origins.get(origin);
  if (usable !== undefined) return usable;
  try {
    usable = new URL(origin).hostname !== '';
  } catch {
    usable = false;
  }
  // The Host header is the client's: a flood of distinct ones must not grow this without bound.
  if (origins.size >= ORIGINS_KEPT) origins.clear();
  origins.set(origin, usable);
  return usable;
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/**
 * Whether the request names an origin a URL can be built from: its Host (or, behind a proxy,
 * X-Forwarded-Host and X-Forwarded-Proto). Apollo's Fastify integration builds one for every
 * request and fails with a 500 when it cannot (HTTP/1.0 without Host, `Host: [::1`, …).
 * Answered without building a URL for a request like the last from the same origin: the
 * origin's verdict is kept, and a target that is a path ("/…", not "//…" or "/\…", which
 * name a host) resolves against any usable origin.
 */
export function hasUsableOrigin(request: Pick<FastifyRequest, 'url' | 'protocol' | 'hostname'>): boolean {
  const { hostname, url } = request;
  if (typeof hostname !== 'string' || hostname.trim() === '') return false;
  const origin = `${request.protocol}://${hostname}/`;
  if (!usableOrigin(origin)) return false;
  if (url.charCodeAt(0) === SLASH && url.charCodeAt(1) !== SLASH && url.charCodeAt(1) !== BACKSLASH) return true;
  return URL.canParse(url, origin);
}

const METHOD_NOT_ALLOWED = 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

/**
 * Client mistakes that never reach a route, answered with a 4xx: a request without a usable Host
 * (400 HOST_HEADER_INVALID), and CONNECT, which Node would answer by dropping the connection (405).
 */
@Injectable()
export class HttpEdge implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.server.on('connect', (_request: IncomingMessage, socket: Duplex) => socket.end(METHOD_NOT_ALLOWED));
    fastify?.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, next: () => void) => {
      if (hasUsableOrigin(request)) return next();
      void reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        code: 'BAD_REQUEST',
        reason: 'HOST_HEADER_INVALID',
        message: 'The Host header (or X-Forwarded-Host / X-Forwarded-Proto) is missing or not valid',
      });
    });
  }
}
