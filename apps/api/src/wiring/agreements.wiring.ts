import type { DynamicModule } from '@nestjs/common';
import {
  AgreementsModule,
  type DecisionDirectory,
  type DirectoryDecision,
  type DirectoryOrganization,
  type OrganizationDirectory,
} from '@kom/agreements';
import { DecisionsQueries } from '@kom/meetings';
import { meetingsModule } from './meetings.wiring';
import { OrganizationHistoryQueries, OrganizationsModule, OrganizationsQueries, PoliceDistrictsQueries } from '@kom/organizations';
import { osloDate } from '@kom/kernel';
import { CLOCK, type Clock } from '@kom/platform';

/**
 * The register of organisations, as the agreements context asks for it: names and kinds, roles over
 * time, and the register of police districts for who holds a merged district's place today.
 */
export class OrganizationDirectoryAdapter implements OrganizationDirectory {
  constructor(
    private readonly queries: OrganizationsQueries,
    private readonly history: OrganizationHistoryQueries,
    private readonly districts: PoliceDistrictsQueries,
    private readonly clock: Clock,
  ) {}

  organization(id: string): DirectoryOrganization | undefined {
    const row = this.queries.byId(id);
    if (!row) return undefined;
    const roles = this.history.rolePeriodsOf(id).map(({ role, from, until }) => ({ role, from, until }));
    return { id: row.id, name: row.name, kind: row.kind, roles, heldBy: this.holderOf(id) ?? null };
  }

  placesHeldBy(organizationId: string): string[] {
    return this.districts.predecessorsOn(organizationId, osloDate(this.clock.now())).map((d) => d.organizationId);
  }

  holderOf(organizationId: string): { organizationId: string; name: string } | undefined {
    const holder = this.districts.holderOn(organizationId, osloDate(this.clock.now()));
    if (holder === organizationId) return undefined;
    return { organizationId: holder, name: this.queries.byId(holder)?.name ?? holder };
  }
}

/** KOM's decisions, from the meetings context's read model: citing an unknown or revoked one is refused. */
export class DecisionDirectoryAdapter implements DecisionDirectory {
  readonly knowsDecisions = true;
  constructor(private readonly queries: DecisionsQueries) {}

  decision(decisionId: string): DirectoryDecision | undefined {
    const row = this.queries.byId(decisionId);
    return row && { decisionId: row.id, status: row.status };
  }
}

/** The agreements context with its ports bound to the organisations and meetings read models. */
export function agreementsModule(): DynamicModule {
  return AgreementsModule.forRoot({
    imports: [OrganizationsModule, meetingsModule()],
    organizationDirectory: {
      useFactory: (queries: OrganizationsQueries, history: OrganizationHistoryQueries, districts: PoliceDistrictsQueries, clock: Clock) =>
        new OrganizationDirectoryAdapter(queries, history, districts, clock),
      inject: [OrganizationsQueries, OrganizationHistoryQueries, PoliceDistrictsQueries, CLOCK],
    },
    decisionDirectory: {
      useFactory: (queries: DecisionsQueries) => new DecisionDirectoryAdapter(queries),
      inject: [DecisionsQueries],
    },
  });
}
