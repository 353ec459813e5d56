/** Whether live updates flow: the socket's state, for the "reconnecting" notice. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

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
