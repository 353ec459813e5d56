import { InvalidInput } from '@kom/kernel';

/**
 * The form of every stream the platform writes: `<kind>-<id>`, a kind in camelCase (`meeting`,
 * `agendaProposal`, `police`) and the rest the aggregate's id (1 to 100 characters, after a further
 * prefix at times: `police-district-…`). Anything else names no stream of the log: a client's
 * mistake, told apart from a well-formed stream that does not exist (STREAM_NOT_FOUND). System
 * streams of a store (`$…`) are not the platform's to verify.
 */
const STREAM_ID = /^[a-z][A-Za-z0-9]{0,39}-.+$/s;
const MAX_STREAM_ID = 200;

export function requireStreamId(streamId: string): string {
  if (streamId.length > MAX_STREAM_ID || !STREAM_ID.test(streamId)) {
    throw new InvalidInput('INVALID_STREAM_ID', `streamId is a stream of the log, <kind>-<id>, of at most ${MAX_STREAM_ID} characters`, 'streamId');
  }
  return streamId;
}
