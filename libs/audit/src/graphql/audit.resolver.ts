import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InvalidInput, NotFound, parseIsoInstantOrDate } from '@kom/kernel';
import { Public } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { Lang, METRICS, decodeSeqCursor, pageSize, toConnection, type KomMetrics } from '@kom/platform';
import type { AuditSigningKey } from '../checkpoints/audit-key';
import { AuditNotary } from '../checkpoints/audit-notary';
import { verifyStreamIntegrity } from '../audit-log';
import { LogIntegrityCheck } from '../integrity/log-integrity-check';
import { AuditTrailQueries, type AuditTrailRow } from '../read-models/audit-trail.queries';
import { AuditNameRegistry } from '../trail/audit-names';
import { AuditSummaryRegistry } from '../trail/audit-summaries';
import type { IntegrityReport } from '../verification/log-verifier';
import { AUDIT_SIGNING_KEY } from '../nest/tokens';
import {
  AuditCheckpointConnection,
  AuditCheckpointsArgs,
  AuditCheckpointType,
  AuditEntryConnection,
  AuditEntryType,
  AuditPublicKeyType,
  AuditTrailArgs,
  ConsistencyProofType,
  InclusionProofType,
  IntegrityCheckType,
  IntegrityReportType,
} from './audit.types';

/**
 * verifyIntegrity's share of the query-cost limit (default 20000): a few in one request, not fifteen.
 * Callers that ask while a whole-log run is going share it, so the limit bounds the work queued behind it.
 */
export const VERIFY_INTEGRITY_COST = 4000;

function toReport(report: IntegrityReport): IntegrityReportType {
  return {
    checkedEvents: report.checkedEvents,
    valid: report.valid,
    firstInvalidPosition: report.firstInvalidPosition === null ? null : String(report.firstInvalidPosition),
    reason: report.reason,
    checkpointsChecked: report.checkpointsChecked,
  };
}

export function toEntry(row: AuditTrailRow): AuditEntryType & { data: string; seq: number } {
  return {
    seq: row.seq,
    position: row.position,
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    streamId: row.stream_id,
    revision: row.revision,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    actor: { userId: row.actor_user_id, organizationId: row.actor_organization_id, role: row.actor_role },
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    command: row.command,
    aboutOrganizationId: row.subject_organization_id,
    hash: row.hash,
    personalData: row.personal_data,
    data: row.data,
  };
}

/** The audit trail, integrity checks and proofs: for auditors and the secretariat. The key is public. */
@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(
    @Inject(AuditTrailQueries) private readonly trail: AuditTrailQueries,
    @Inject(AuditSummaryRegistry) private readonly summaries: AuditSummaryRegistry,
    @Inject(AuditNameRegistry) private readonly names: AuditNameRegistry,
    @Inject(AuditNotary) private readonly notary: AuditNotary,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(LogIntegrityCheck) private readonly integrity: LogIntegrityCheck,
    @Inject(METRICS) private readonly metrics: KomMetrics,
  ) {}

  @Query(() => AuditEntryConnection, { description: 'Every event of the log as an audit entry, in log order, filtered.' })
  auditTrail(@Args() args: AuditTrailArgs) {
    const size = pageSize(args.first);
    const afterSeq = decodeSeqCursor(args.after);
    const filter = args.filter ?? {};
    const bound = (name: 'from' | 'to', value: string | undefined) => {
      if (!value) return undefined;
      const at = parseIsoInstantOrDate(value);
      if (at === undefined) throw new InvalidInput('INVALID_TIME', `${name} must be an ISO 8601 time (years 0100 to 9999)`, name);
      return at.toISOString();
    };
    const rows = this.trail.page({ ...filter, from: bound('from', filter.from), to: bound('to', filter.to) }, size + 1, afterSeq);
    return toConnection(rows.map(toEntry), size, (entry) => String(entry.seq));
  }

  @ResolveField(() => String, { description: 'What happened, readably, in Norwegian (NB, default) or English (EN).' })
  summary(@Parent() entry: AuditEntryType & { data: string; seq: number }, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    const text = this.summaries.summarise({
      type: entry.eventType,
      streamId: entry.streamId,
      data: JSON.parse(entry.data) as unknown,
      actor: entry.actor,
      names: this.names.at(this.trail, entry.seq),
    });
    return lang === Lang.EN ? text.en : text.nb;
  }

  @Query(() => IntegrityReportType, {
    description:
      'With streamId: that stream’s hash chain (NOT_FOUND / STREAM_NOT_FOUND when the log has no such stream; ' +
      'BAD_USER_INPUT / INVALID_STREAM_ID when no stream can have that id). Without: the whole log — every chain, every checkpoint signature and root; ' +
      'one run at a time per server, shared by the callers that ask while it runs.',
    complexity: VERIFY_INTEGRITY_COST,
  })
  async verifyIntegrity(@Args('streamId', { type: () => String, nullable: true }) streamId?: string): Promise<IntegrityReportType> {
    const one = streamId !== undefined && streamId !== null;
    const report = one ? await verifyStreamIntegrity(this.store, streamId) : await this.integrity.verifyLog();
    this.metrics.integrityVerifications.inc({ scope: one ? 'stream' : 'log', result: report.valid ? 'valid' : 'broken' });
    return toReport(report);
  }

  @Query(() => IntegrityCheckType, { description: 'The whole-log verification on this server: whether one runs, how far it is, and the last outcome.' })
  integrityCheck(): IntegrityCheckType {
    const progress = this.integrity.progress();
    return { ...progress, lastReport: progress.lastReport && toReport(progress.lastReport) };
  }

  @Query(() => [String], { description: 'The event types that occur in the log, alphabetically (for filtering the audit trail).' })
  auditEventTypes(): string[] {
    return this.trail.eventTypes();
  }

  @Query(() => InclusionProofType, { description: 'The inclusion proof of an event in the latest signed checkpoint.' })
  auditProof(@Args('eventId', { type: () => ID }) eventId: string): InclusionProofType {
    const proof = this.notary.inclusionProof(eventId);
    if (!proof) throw new NotFound('audit proof', eventId);
    return proof;
  }

  @Query(() => ConsistencyProofType, { description: 'Proves that the tree of toSize events extends the tree of fromSize events.' })
  consistencyProof(
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int }) toSize: number,
  ): ConsistencyProofType {
    const size = this.notary.treeSize();
    if (!(fromSize >= 1 && fromSize <= toSize && toSize <= size)) {
      throw new InvalidInput('INVALID_TREE_SIZES', `need 1 <= fromSize <= toSize <= ${size}`);
    }
    return this.notary.consistencyProof(fromSize, toSize);
  }

  @Query(() => AuditCheckpointConnection, { description: 'The signed checkpoints by tree size, oldest first (or newest first), a page at a time.' })
  auditCheckpoints(@Args() args: AuditCheckpointsArgs) {
    const size = pageSize(args.first);
    const afterSize = decodeSeqCursor(args.after);
    const rows = this.notary.checkpointPage({ afterSize, limit: size + 1, newestFirst: args.newestFirst });
    return toConnection(rows, size, (checkpoint) => String(checkpoint.treeSize));
  }

  @Query(() => AuditCheckpointType, { nullable: true, description: 'The latest signed checkpoint; null while there is none.' })
  latestAuditCheckpoint(): AuditCheckpointType | null {
    return this.notary.latestCheckpoint() ?? null;
  }

  @Query(() => Int, { description: 'How many signed checkpoints the log holds.' })
  auditCheckpointCount(): number {
    return this.notary.checkpointCount();
  }

  @Query(() => AuditPublicKeyType, { description: 'The key that signs audit checkpoints.' })
  @Public()
  auditPublicKey(): AuditPublicKeyType {
    return this.key.published;
  }
}
