import { describeEventStoreContract } from '../testing/event-store.contract';
import { isKurrentDbUrl } from './connection-string';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * The EventStore contract against a real KurrentDB / EventStoreDB server (22.6 or later), when
 * KOM_EVENTSTORE_URL points at one, e.g. `kurrentdb://admin:changeit@localhost:2113?tls=false`.
 * The user needs read access to $all (the admin user has it by default). The payload case appends
 * a little over 1 MiB in one event: start the server with a max append size above that (the
 * default is 1 MiB), e.g. KURRENTDB_MAX_APPEND_SIZE=4194304.
 *
 * Without a server the suite is reported as skipped, never as passed.
 */
const url = process.env.KOM_EVENTSTORE_URL?.trim();

function skipReason(): string | undefined {
  if (!url) return 'KOM_EVENTSTORE_URL is not set: no KurrentDB/EventStoreDB server is reachable on this machine';
  if (!isKurrentDbUrl(url)) return 'KOM_EVENTSTORE_URL is not a KurrentDB/EventStoreDB URL (kurrentdb://, esdb://, ...)';
  return undefined;
}

describeEventStoreContract('KurrentDB', async () => KurrentDbEventStore.connect(url ?? ''), { skipReason: skipReason() });
