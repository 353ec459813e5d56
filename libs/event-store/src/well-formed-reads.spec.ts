import { randomUUID } from 'node:crypto';
import { Upcasters, checkChainLink, storedForm } from '@kom/kernel';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { withUpcasting } from './upcasting-event-store';

// An issue title with a lone surrogate, recorded before the text policy refused one: the log's JSON
// keeps it (`\ud800`), a SQLite read model would store three U+FFFD. Every read of the platform
// passes through withUpcasting, so every reader sees one U+FFFD, and the stored bytes stay as
// recorded for the hash chain.
describe('reads of an old event with a lone surrogate', () => {
  const raw = SqliteEventStore.open(':memory:');
  const store = withUpcasting(raw, new Upcasters([]));
  afterAll(() => raw.close());
  const event = { id: randomUUID(), type: 'IssueSubmitted', data: { title: 'Lone\uD800X', tags: ['ok', '\uDC00'] }, metadata: { schemaVersion: 1 } };

  beforeAll(() => raw.appendToStream('issue-1', [event]));

  it('read the text well-formed: each lone surrogate one U+FFFD, from readStream, readAll and subscribeToAll', async () => {
    const wanted = { title: 'Lone\uFFFDX', tags: ['ok', '\uFFFD'] };
    expect((await store.readStream('issue-1'))[0]!.data).toEqual(wanted);
    expect((await store.readAll()).find((e) => e.streamId === 'issue-1')!.data).toEqual(wanted);
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['issue-1'] } });
    for await (const read of subscription) {
      expect(read.data).toEqual(wanted);
      break;
    }
    await subscription.unsubscribe();
  });

  it('keep the recorded form for the hash chain', async () => {
    const [read] = await store.readStream('issue-1');
    expect(storedForm(read!).data).toEqual(event.data);
    expect(checkChainLink(read!, undefined)).toMatchObject({ ok: true });
  });

  it('leave well-formed events as they are', async () => {
    await raw.appendToStream('issue-2', [{ ...event, id: randomUUID(), data: { title: 'Vedtak 😀' } }]);
    const [stored] = await raw.readStream('issue-2');
    const [read] = await store.readStream('issue-2');
    expect(read!.data).toEqual(stored!.data);
    expect(read!.metadata).toEqual(stored!.metadata);
  });
});
