import type { AuditNameLookup, AuditNames, BoundedContext, NamedKind } from '@kom/platform';
import type { AuditTrailQueries } from '../read-models/audit-trail.queries';

type Reader = (data: Record<string, unknown>) => string | undefined;

/**
 * What things were called at a point of the log, read from the audit trail itself: the latest
 * naming event (BoundedContext.auditNames) on the thing's own stream at or before that point. So an
 * organisation renamed in 2024 is named in a 2022 entry as it was called in 2022.
 */
export class AuditNameRegistry {
  private readonly readers = new Map<NamedKind, Map<string, Reader>>();

  constructor(contexts: readonly Pick<BoundedContext, 'auditNames'>[]) {
    for (const context of contexts) {
      for (const [kind, events] of Object.entries(context.auditNames ?? {}) as Array<[NamedKind, AuditNames[NamedKind]]>) {
        const byType = this.readers.get(kind) ?? new Map<string, Reader>();
        for (const [type, read] of Object.entries(events ?? {})) byType.set(type, read);
        this.readers.set(kind, byType);
      }
    }
  }

  /** Names as of the entry with this seq (and just before it); each looked up once per lookup object. */
  at(trail: AuditTrailQueries, seq: number): AuditNameLookup {
    const seen = new Map<string, string | undefined>();
    const cached = (kind: NamedKind, id: string, at: number) => {
      const key = `${kind}\u0000${id}\u0000${at}`;
      if (!seen.has(key)) seen.set(key, this.lookUp(trail, kind, id, at));
      return seen.get(key);
    };
    return { nameOf: (kind, id) => cached(kind, id, seq), nameBefore: (kind, id) => cached(kind, id, seq - 1) };
  }

  private lookUp(trail: AuditTrailQueries, kind: NamedKind, id: string, seq: number): string | undefined {
    const readers = this.readers.get(kind);
    if (!readers || readers.size === 0) return undefined;
    const latest = trail.latestOfStream(kind, id, [...readers.keys()], seq);
    if (!latest) return undefined;
    try {
      return readers.get(latest.eventType)?.(JSON.parse(latest.data) as Record<string, unknown>) || undefined;
    } catch {
      return undefined;
    }
  }
}
