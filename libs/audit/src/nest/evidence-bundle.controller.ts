import { Controller, Get, Inject, Query, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { InvalidInput, NotFound, isCalendarDate, osloDate, parseIsoInstant, type Actor, instantOf } from '@kom/kernel';
import { DecisionsQueries } from '@kom/meetings';
import { AccessLog, CLOCK, HttpRefusalFilter, ProjectionsService, type Clock } from '@kom/platform';
import { exportAuditBundle, type ExportRange } from '../audit-log';
import type { AuditSigningKey } from '../checkpoints/audit-key';
import { AuditNotary } from '../checkpoints/audit-notary';
import { decisionHistory } from '../history/decision-history';
import { DECISION_RELATIONS, type DecisionRelations } from '../history/decision-relations.port';
import { AuditTrailQueries } from '../read-models/audit-trail.queries';
import { AUDIT_SIGNING_KEY } from './tokens';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Where an Oslo calendar day begins (KOM's days), or the next day's when `after`. */
function osloDayStart(value: string, after: boolean): Date {
  const [, year, month, day] = DAY.exec(value)!.map(Number) as [number, number, number, number];
  const noon = new Date(Date.UTC(year, month - 1, day + (after ? 1 : 0), 12));
  return instantOf({ year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 });
}

/** A bare date is a whole day in Oslo: from its start, to its end (to is inclusive then); an instant is taken as it is. */
export function parseBound(name: 'from' | 'to', value: unknown): Date {
  if (typeof value !== 'string' || value === '') throw new InvalidInput('INVALID_TIME_RANGE', `${name} is required: a date (2026-11-28) or an ISO 8601 time`);
  const at = isCalendarDate(value) ? osloDayStart(value, name === 'to') : parseIsoInstant(value);
  if (at === undefined) throw new InvalidInput('INVALID_TIME', `${name} must be a date (2026-11-28) or an ISO 8601 time with a zone (years 0100 to 9999)`);
  return at;
}

/**
 * GET /evidence/bundle.jsonl?from=…&to=… (Oslo dates, both days included, or ISO 8601 instants) or ?decisionId=…: the evidence bundle an auditor takes
 * away and verifies offline (`kom verify --bundle`). A decision's bundle covers the span of its
 * history, from its first step to its last: every event of the log in between, so nothing can be
 * left out unseen. The notary first signs a checkpoint of the log as it is (idempotent: none when
 * nothing is new), as `kom export-audit` does, so every event in the range carries its proof.
 */
@Controller('evidence')
@UseFilters(HttpRefusalFilter)
@Roles('AUDITOR', 'SECRETARIAT')
export class EvidenceBundleController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AuditNotary) private readonly notary: AuditNotary,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(AuditTrailQueries) private readonly trail: AuditTrailQueries,
    @Inject(DecisionsQueries) private readonly decisions: DecisionsQueries,
    @Inject(DECISION_RELATIONS) private readonly relations: DecisionRelations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  @Get('bundle.jsonl')
  async bundle(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { range, name } = this.rangeOf(query);
    const checkpoint = await this.notary.checkpointNow();
    // The proofs come from this replica's read models: wait until they hold the checkpoint.
    if (checkpoint) await this.projections.waitFor(checkpoint.eventPosition);
    const bundle = await exportAuditBundle(this.store, this.notary, this.key, range, { checkpoint, now: this.clock.now() });
    // Recorded before the bundle leaves; its own event falls after the bundle's checkpoint.
    const decisionId = typeof query.decisionId === 'string' ? query.decisionId : undefined;
    await this.accessLog.record(actor, {
      read: 'EVIDENCE_BUNDLE',
      ids: decisionId ? [decisionId] : [],
      range: decisionId ? null : { from: String(query.from).slice(0, 40), to: String(query.to).slice(0, 40) },
      format: 'jsonl',
      via: 'HTTP',
    });
    return reply
      .status(200)
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-kom-bundle-events', String(bundle.events))
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(bundle.text);
  }

  private rangeOf(query: Record<string, unknown>): { range: ExportRange; name: string } {
    const { decisionId } = query;
    if (decisionId !== undefined) {
      if (typeof decisionId !== 'string' || decisionId === '' || query.from !== undefined || query.to !== undefined) {
        throw new InvalidInput('INVALID_BUNDLE_REQUEST', 'ask for a decision (decisionId) or a range (from, to), not both');
      }
      const history = decisionHistory(
        { trail: this.trail, decisions: this.decisions, relations: this.relations, now: () => this.clock.now() },
        decisionId,
      );
      if (!history || history.steps.length === 0) throw new NotFound('decision', decisionId);
      const times = history.steps.map((s) => Date.parse(s.row.occurred_at));
      const range = { from: new Date(Math.min(...times)), to: new Date(Math.max(...times) + 1) };
      return { range, name: `kom-evidence-decision-${decisionId.slice(0, 8)}.jsonl` };
    }
    const from = parseBound('from', query.from);
    const to = parseBound('to', query.to);
    if (!(from < to)) throw new InvalidInput('INVALID_TIME_RANGE', 'from must be before to');
    return { range: { from, to }, name: `kom-evidence-${osloDate(from)}-${osloDate(new Date(to.getTime() - 1))}.jsonl` };
  }
}
