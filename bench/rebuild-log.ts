// Generates the event log the rebuild benchmark replays: KOM-like events (issues, meetings,
// agreements) of ~250–400 bytes of JSON (data + metadata), over many streams, interleaved; ids of
// version 7, as the platform makes them.
import type { EventToAppend, EventStore } from '@kom/event-store';
import { newId } from '@kom/platform';

const ORGANISATIONS = ['udi', 'imdi', 'bufdir', 'nav', 'helsedir', 'arbeidstilsynet', 'statsadvokat', 'politiet', 'rosa', 'pro-sentret', 'redd-barna', 'iom-oslo', 'kirkens-bymisjon', 'rode-kors', 'noas'];
const WORDS = ['identifisering', 'bistand', 'beskyttelse', 'samarbeid', 'rutiner', 'oppfølging', 'tiltak', 'rapport', 'referansegruppe', 'prosjektgruppe', 'avtale', 'politiet', 'kompetanse', 'veileder'];
const ROLES = ['secretariat', 'member', 'ngo-representative'];

/** A small deterministic generator: the same log for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_EVENT_TYPES = ['IssueSubmitted', 'IssueCommented', 'IssueForwarded', 'IssueClosed', 'MeetingScheduled', 'AttendanceRecorded'] as const;

class LogGenerator {
  private readonly random: () => number;
  private clock = Date.UTC(2025, 0, 1);
  constructor(seed: number) {
    this.random = rng(seed);
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  private text(words: number): string {
    return Array.from({ length: words }, () => this.pick(WORDS)).join(' ');
  }

  /** The events of one issue stream's next slice. */
  issueEvents(issueId: string, firstRevision: number, count: number): EventToAppend[] {
    const events: EventToAppend[] = [];
    for (let i = 0; i < count; i++) {
      const revision = firstRevision + i;
      const organisationId = this.pick(ORGANISATIONS);
      let type: string;
      let data: Record<string, unknown>;
      if (revision === 0) {
        type = 'IssueSubmitted';
        data = { issueId, title: this.text(4 + Math.floor(this.random() * 4)), submittedBy: organisationId, measures: [1 + Math.floor(this.random() * 35)] };
      } else {
        const r = this.random();
        if (r < 0.7) {
          type = 'IssueCommented';
          data = { issueId, commentId: newId(), body: this.text(2 + Math.floor(this.random() * 5)) };
        } else if (r < 0.85) {
          type = 'AttendanceRecorded';
          data = { meetingId: issueId, organisationId, present: this.random() < 0.8 };
        } else if (r < 0.95) {
          type = 'IssueForwarded';
          data = { issueId, to: 'project-group', reason: this.text(3) };
        } else {
          type = 'IssueClosed';
          data = { issueId, reason: this.text(5) };
        }
      }
      this.clock += 1000;
      events.push({
        id: newId(),
        type,
        data,
        metadata: {
          actor: { userId: `user-${organisationId}-${Math.floor(this.random() * 5)}`, organisationId, role: this.pick(ROLES) },
          correlationId: newId(),
          causationId: newId(),
          command: type.replace(/ed$/, ''),
          occurredAt: new Date(this.clock).toISOString(),
          schemaVersion: 1,
        },
      });
    }
    return events;
  }
}

/**
 * Appends `events` events through the store port: `streams` issue streams, round after round of
 * `perAppend` events per stream, `concurrency` appends in flight (the SQLite adapter group-commits
 * them into one transaction).
 */
export async function generateRebuildLog(
  store: EventStore,
  options: { events: number; streams?: number; perAppend?: number; concurrency?: number; seed?: number },
): Promise<void> {
  const generator = new LogGenerator(options.seed ?? 42);
  const streams = options.streams ?? Math.max(1, Math.min(20_000, Math.ceil(options.events / 50)));
  const perAppend = options.perAppend ?? 100;
  const concurrency = options.concurrency ?? 100;
  const revisions = new Array<number>(streams).fill(0);
  let remaining = options.events;
  let stream = 0;
  while (remaining > 0) {
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < concurrency && remaining > 0; i++) {
      const count = Math.min(perAppend, remaining);
      const s = stream;
      stream = (stream + 1) % streams;
      appends.push(store.appendToStream(`issue-${s}`, generator.issueEvents(`issue-${s}`, revisions[s]!, count)));
      revisions[s]! += count;
      remaining -= count;
    }
    await Promise.all(appends);
  }
}
