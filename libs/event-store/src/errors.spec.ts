import { StreamNotFoundError, streamNotFound } from './errors';

describe('streamNotFound', () => {
  it('is a StreamNotFoundError naming the stream, without the frames that led to it', () => {
    const error = streamNotFound('organization-1');
    expect(error).toBeInstanceOf(StreamNotFoundError);
    expect(error).toBeInstanceOf(Error);
    expect(error.streamId).toBe('organization-1');
    expect(error.name).toBe('StreamNotFoundError');
    expect(error.message).toBe('Stream organization-1 not found');
    expect(error.stack).toBe('StreamNotFoundError: Stream organization-1 not found');
  });

  it('leaves the stack depth of every other error as it was', () => {
    const before = Error.stackTraceLimit;
    streamNotFound('organization-1');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new StreamNotFoundError('organization-1').stack).toMatch(/\n\s+at /);
  });
});
