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
}

/**
 * Readable summaries of a context's events for the audit trail, by event type. Optional: the audit
 * trail falls back to a generic summary made from the type, the stream and the actor. A context adds
 * `auditSummaries` to its BoundedContext (the audit library reads them; nothing imports audit).
 */
export type AuditSummaries = Readonly<Record<string, (event: AuditSummaryInput) => AuditSummaryText>>;
