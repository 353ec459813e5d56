import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';
import { evolve, initialState, meetingStream, type MeetingState } from '../domain/meeting.decider';
import type { MeetingEvent } from '../domain/meeting.events';
import { occurredAt } from '../read-models/projection-support';

/** When an agenda amendment happened: the time and the stream revision the read model shows with it. */
export interface AmendmentTime {
  readonly occurredAt: string;
  readonly revision: number;
}

/**
 * The times the read models show (or order by) that the decider's state cannot hold, because
 * `evolve` sees events without their metadata. Each is the event's metadata.occurredAt, exactly as
 * the projections take it (`occurredAt` of projection-support).
 */
export interface MeetingTimes {
  /** DecisionRecorded, by decision id: Decision.recordedAt, and the order of a meeting's decisions. */
  readonly decisionRecordedAt: ReadonlyMap<string, string>;
  /** ActionItemAssigned, by action item id: the order of a meeting's action items. */
  readonly actionItemAssignedAt: ReadonlyMap<string, string>;
  /** AgendaItemRemoved by amendment, by item id: the order of the removed items after the agenda. */
  readonly agendaItemRemovedAt: ReadonlyMap<string, string>;
  /** One per entry of the state's `amendments`, at the same index. */
  readonly amendments: readonly AmendmentTime[];
}

export interface MeetingHistory {
  readonly state: MeetingState;
  /** The revision of the last event folded. */
  readonly revision: bigint;
  readonly times: MeetingTimes;
}

/**
 * The meeting as its own recorded events show it: the decider's `evolve` folded over them (the
 * state is exactly what decide sees), and beside it the times of the events that the state has no
 * place for. Pure. With `asOf`, only the events that happened up to and including that instant
 * (metadata.occurredAt, the rule of loadStream's asOf); undefined when there are none.
 */
export function meetingHistoryAt(recorded: readonly RecordedEvent[], asOf?: Date): MeetingHistory | undefined {
  const limit = asOf?.getTime() ?? Infinity;
  let state: MeetingState = initialState;
  let revision: bigint | undefined;
  let decisionRecordedAt = new Map<string, string>();
  let actionItemAssignedAt = new Map<string, string>();
  let agendaItemRemovedAt = new Map<string, string>();
  let amendments: AmendmentTime[] = [];
  for (const r of recorded) {
    const at = occurredAt(r);
    if (Date.parse(at) > limit) continue;
    const event = { type: r.type, data: r.data } as MeetingEvent;
    if (event.type === 'MeetingScheduled') {
      // evolve starts the state afresh; so do the times.
      decisionRecordedAt = new Map();
      actionItemAssignedAt = new Map();
      agendaItemRemovedAt = new Map();
      amendments = [];
    }
    const before = state;
    state = evolve(state, event);
    revision = r.revision;
    if (state.status === 'none') continue;
    switch (event.type) {
      case 'DecisionRecorded':
        if (!decisionRecordedAt.has(event.data.decisionId)) decisionRecordedAt.set(event.data.decisionId, at);
        break;
      case 'ActionItemAssigned':
        if (!actionItemAssignedAt.has(event.data.actionItemId)) actionItemAssignedAt.set(event.data.actionItemId, at);
        break;
      case 'AgendaItemRemoved':
        if (event.data.amendment) agendaItemRemovedAt.set(event.data.itemId, at);
        break;
    }
    const amendmentsBefore = before.status === 'none' ? 0 : before.amendments.length;
    for (let i = amendmentsBefore; i < state.amendments.length; i++) amendments.push({ occurredAt: at, revision: Number(r.revision) });
  }
  if (revision === undefined) return undefined;
  return { state, revision, times: { decisionRecordedAt, actionItemAssignedAt, agendaItemRemovedAt, amendments } };
}

/** Reads the meeting's stream and folds it up to `asOf`; undefined when the meeting did not exist yet. */
export async function loadMeetingHistoryAt(store: EventStore, meetingId: string, asOf: Date): Promise<MeetingHistory | undefined> {
  let recorded: RecordedEvent[];
  try {
    recorded = await store.readStream(meetingStream(meetingId));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return meetingHistoryAt(recorded, asOf);
}
