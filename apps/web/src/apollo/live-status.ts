/**
 * Whether live updates flow: the socket's state, for the "reconnecting" notice. Idle: the client
 * closed its socket itself, nothing being followed (not a lost connection).
 */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'idle';

type Listener = (status: LiveStatus) => void;
const listeners = new Set<Listener>();
let status: LiveStatus = 'connecting';

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener(status);
}

export function liveStatus(): LiveStatus {
  return status;
}

export function onLiveStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The code of a normal closure: the client's own once no page follows anything (a lazy socket). */
const NORMAL_CLOSURE = 1000;

/** What a closed socket means for the reader: the client's own closure is no lost connection. */
export function statusAfterClose(event: unknown): LiveStatus {
  return (event as { code?: unknown } | null)?.code === NORMAL_CLOSURE ? 'idle' : 'offline';
}

let refused = 0;

/**
 * A subscription the server refused (this person may not follow it) counts until its follower
 * goes: the page then says it is not updated live, rather than that the connection is lost.
 * Returns the function that ends the count.
 */
export function followRefused(): () => void {
  refused += 1;
  for (const listener of listeners) listener(status);
  return () => {
    refused -= 1;
    for (const listener of listeners) listener(status);
  };
}

export function anyFollowRefused(): boolean {
  return refused > 0;
}

/**
 * Whether a (re)connected socket follows a drop, so that what the pages show must be read again:
 * pushes sent while it was down reached no one. A retry after a failed connection is one; so is any
 * connection after a closure other than the normal one (the server going away, a network error).
 * A socket the client closed itself once no page followed anything, and opens again for the next
 * live page, is not: that page has just read its data.
 */
export class ResumeAfterDrop {
  private dropped = false;

  closed(event: unknown): void {
    const code = (event as { code?: unknown } | null)?.code;
    if (code !== NORMAL_CLOSURE) this.dropped = true;
  }

  /** Call on every connection; true when it follows a drop. */
  connected(wasRetry: boolean): boolean {
    const resumed = wasRetry || this.dropped;
    this.dropped = false;
    return resumed;
  }
}
