import type { EventSchema, Upcaster } from '@kom/kernel';
import type { Projection } from '@kom/projections';

/** What a bounded context contributes to the platform: its event types and its read models. */
export interface BoundedContext {
  readonly name: string;
  readonly eventSchemas: readonly EventSchema[];
  /** How its events stored at older schema versions read at the newest (never a rewrite of the log). */
  readonly upcasters?: readonly Upcaster[];
  readonly projections: readonly Projection[];
  /** Readable audit-trail summaries of its events, by type (optional; see AuditSummaries). */
  readonly auditSummaries?: AuditSummaries;
  /** How its events name the things they are about, so that summaries name them as they were then (see AuditNames). */
  readonly auditNames?: AuditNames;
}

/** What an audit entry says about one event, in Norwegian (Bokmål) and English. */
export interface AuditSummaryText {
  readonly nb: string;
  readonly en: string;
}

/** The event as the audit trail shows it to a summary. */
export interface AuditSummaryInput {
  readonly type: string;
  readonly streamId: string;
  readonly data: unknown;
  readonly actor: { readonly userId: string | null; readonly organizationId: string | null; readonly role: string | null };
  /** What things were called when the event happened (absent: summaries fall back to ids). */
  readonly names?: AuditNameLookup;
}

/** The things an audit summary names: each lives in its own stream, `<kind>-<id>`. */
export type NamedKind = 'organization' | 'meeting' | 'issue' | 'agreement' | 'agendaProposal';

export interface AuditNameLookup {
  /** The thing's name as of the event being summarised; undefined when it had none yet. */
  nameOf(kind: NamedKind, id: string): string | undefined;
  /** Its name just before the event (for an event that renames it). */
  nameBefore(kind: NamedKind, id: string): string | undefined;
}

/**
 * How a context's events name things: for a kind, the events on the thing's own stream that give
 * it its name (registered, renamed, retitled), each with how to read the name from the event's data.
 * The audit trail uses the latest such event at or before the one it summarises.
 */
export type AuditNames = Readonly<Partial<Record<NamedKind, Readonly<Record<string, (data: Record<string, unknown>) => string | undefined>>>>>;

/**
 * A thing as a summary names it: «name» (nb) or “name” (en) as it was called then, or its kind and
 * id when no name is known (a thing registered before the log began, a lookup left out).
 */
export function named(event: AuditSummaryInput, kind: NamedKind, id: unknown, lang: 'nb' | 'en', when: 'then' | 'before' = 'then'): string {
  const key = String(id ?? '');
  const name = !key ? undefined : when === 'then' ? event.names?.nameOf(kind, key) : event.names?.nameBefore(kind, key);
  if (name) return lang === 'nb' ? `«${name}»` : `“${name}”`;
  return key;
}

/**
 * Readable summaries of a context's events for the audit trail, by event type. Optional: the audit
 * trail falls back to a generic summary made from the type, the stream and the actor. A context adds
 * `auditSummaries` to its BoundedContext (the audit library reads them; nothing imports audit).
 */
export type AuditSummaries = Readonly<Record<string, (event: AuditSummaryInput) => AuditSummaryText>>;
