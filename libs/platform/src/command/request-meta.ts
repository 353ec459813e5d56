import type { CommandMeta } from './execute-command';

/** What a GraphQL request carries into a command: who asks, and the correlation id (@kom/auth's RequestMeta). */
export type Meta = Pick<CommandMeta, 'actor' | 'correlationId'>;

/** The request's meta with the revision the client saw, for optimistic concurrency end to end. */
export const withRevision = (meta: Meta, expectedRevision: number | null | undefined): CommandMeta => ({
  ...meta,
  expectedRevision: expectedRevision == null ? undefined : BigInt(expectedRevision),
});
