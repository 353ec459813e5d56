import type { DynamicModule } from '@nestjs/common';
import type { Actor } from '@kom/kernel';
import { MeasuresModule, type MeasureCitationView, type MeasureCitations } from '@kom/measures';
import { AgendaQueries, DecisionsQueries } from '@kom/meetings';
import { IssuesQueries } from '@kom/issues';
import { AgreementsQueries, agreementVisibleTo, statusAt } from '@kom/agreements';
import { READ_MODELS, type Clock, CLOCK } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';

const PAGE = 500;

/**
 * MEASURE_CITATIONS from the read models, with each context's reading rules: decisions and issues
 * are read by everyone; an agenda item only on a published agenda (drafts: the secretariat); an
 * agreement when it cites a decision citing the measure, as `visibleTo` lets the reader see it.
 */
export class ReadModelMeasureCitations implements MeasureCitations {
  constructor(
    private readonly readModels: ReadModelDatabase,
    private readonly clock: Clock,
  ) {}

  citing(measure: number, reader: Actor, plan: string): MeasureCitationView[] {
    const decisionsQueries = new DecisionsQueries(this.readModels);
    const decisions = [];
    for (let after: { recordedAt: string; id: string } | undefined; ; ) {
      const page = decisionsQueries.page({ limit: PAGE, filter: { measure, plan }, after });
      decisions.push(...page);
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { recordedAt: last.recordedAt ?? '', id: last.id };
    }
    const fromDecisions: MeasureCitationView[] = decisions.map((d) => ({
      kind: 'DECISION',
      id: d.id,
      title: d.text,
      meetingId: d.meetingId,
      status: d.status,
      at: d.recordedAt,
      viaDecisionIds: [],
    }));
    const fromAgendas: MeasureCitationView[] = new AgendaQueries(this.readModels)
      .citingMeasure(measure, plan)
      .filter((item) => item.agendaPublished || reader.role === 'SECRETARIAT' || reader.role === 'SYSTEM')
      .map((item) => ({
        kind: 'AGENDA_ITEM',
        id: item.id,
        title: item.title,
        meetingId: item.meetingId,
        status: item.agendaPublished ? 'PUBLISHED' : 'DRAFT',
        at: item.meetingStartsAt,
        viaDecisionIds: [],
      }));
    const issuesQueries = new IssuesQueries(this.readModels);
    const issues = [];
    for (let afterSeq: number | undefined; ; ) {
      const page = issuesQueries.list({ measure, plan }, PAGE, afterSeq);
      issues.push(...page);
      if (page.length < PAGE) break;
      afterSeq = page[page.length - 1]!.seq;
    }
    const fromIssues: MeasureCitationView[] = issues.reverse().map((i) => ({
      kind: 'ISSUE',
      id: i.id,
      title: i.title,
      meetingId: null,
      status: i.status,
      at: i.submittedAt,
      viaDecisionIds: [],
    }));
    const agreements = new AgreementsQueries(this.readModels);
    const byAgreement = new Map<string, { view: MeasureCitationView; via: string[] }>();
    const now = this.clock.now();
    for (const decision of decisions) {
      for (const row of agreements.scan({ decisionId: decision.id })) {
        const visible = agreementVisibleTo(row.agreement, reader);
        if (!visible) continue;
        const known = byAgreement.get(visible.agreementId);
        if (known) {
          known.via.push(decision.id);
          continue;
        }
        const latest = visible.versions[visible.versions.length - 1];
        const via = [decision.id];
        byAgreement.set(visible.agreementId, {
          via,
          view: { kind: 'AGREEMENT', id: visible.agreementId, title: latest?.title ?? '', meetingId: null, status: statusAt(visible, now), at: row.draftedAt, viaDecisionIds: via },
        });
      }
    }
    const fromAgreements = [...byAgreement.values()].map((a) => a.view).sort((a, b) => ((a.at ?? '') < (b.at ?? '') ? -1 : 1));
    return [...fromDecisions, ...fromAgendas, ...fromIssues, ...fromAgreements];
  }
}

/** The measures context with MEASURE_CITATIONS bound to the other contexts' read models. */
export function measuresModule(): DynamicModule {
  return MeasuresModule.forRoot({
    citations: { useFactory: (readModels: ReadModelDatabase, clock: Clock) => new ReadModelMeasureCitations(readModels, clock), inject: [READ_MODELS, CLOCK] },
  });
}
