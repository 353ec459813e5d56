import { Writable } from 'node:stream';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import type { KomRequestContext } from '@kom/auth';
import { InvalidInput } from '@kom/kernel';
import { errorReportPlugin } from './error-report.plugin';

/** A pino logger bound as pino-http binds a request's, writing its lines into `lines`. */
function requestLog(id: string, lines: Record<string, any>[]) {
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return pino({ level: 'info' }, stream).child({ req: { id, method: 'POST', url: '/graphql' } });
}

async function encounter(plugin: ApolloServerPlugin<KomRequestContext>, req: unknown, errors: GraphQLError[]): Promise<void> {
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<KomRequestContext>;
  await listener.didEncounterErrors!({ errors, contextValue: { req } } as never);
}

const internal = () => new GraphQLError('disk is corrupt', { originalError: new Error('disk is corrupt'), path: ['measure'] });
const refusal = () => new GraphQLError('bad', { originalError: new InvalidInput('title is empty', 'EMPTY_TITLE', 'title'), path: ['submitIssue'] });
const typed = () => new GraphQLError('no', { extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' } });

describe('errorReportPlugin: what the answer masks is logged with the request it belongs to', () => {
  it("logs an internal error with the request's logger, so the line carries the request's id", async () => {
    const lines: Record<string, any>[] = [];
    const fallback = jest.fn();
    const fastifyRequest = { raw: { log: requestLog('req-7', lines) }, log: { error: jest.fn() } };
    await encounter(errorReportPlugin(true, fallback), fastifyRequest, [internal()]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, req: { id: 'req-7' }, context: 'GraphQL', msg: 'GraphQL request failed', err: { message: 'disk is corrupt' } });
    expect(fallback).not.toHaveBeenCalled();
    expect(fastifyRequest.log.error).not.toHaveBeenCalled(); // Fastify's own logger is not the request log
  });

  it('logs nothing for refusals a client can act on', async () => {
    const lines: Record<string, any>[] = [];
    const fallback = jest.fn();
    await encounter(errorReportPlugin(true, fallback), { raw: { log: requestLog('req-8', lines) } }, [refusal(), typed()]);
    expect(lines).toEqual([]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the process logger where the request was not logged (one line per internal error)', async () => {
    const fallback = jest.fn();
    await encounter(errorReportPlugin(true, fallback), undefined, [internal(), typed(), internal()]);
    expect(fallback).toHaveBeenCalledTimes(2);
    expect(fallback.mock.calls[0][0]).toEqual(new Error('disk is corrupt'));
  });

  it('reports a failure outside execution (context creation, the pipeline itself)', async () => {
    const fallback = jest.fn();
    const plugin = errorReportPlugin(true, fallback);
    await plugin.contextCreationDidFail!({ error: new Error('context') } as never);
    await plugin.unexpectedErrorProcessingRequest!({ error: new Error('pipeline') } as never);
    expect(fallback.mock.calls.map(([error]) => (error as Error).message)).toEqual(['context', 'pipeline']);
  });
});
