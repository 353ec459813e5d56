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
import { OrganizationsModule, OrganizationsQueries } from '@kom/organizations';

/** The register of organisations, as the agreements context asks for it. */
export class OrganizationDirectoryAdapter implements OrganizationDirectory {
  constructor(private readonly queries: OrganizationsQueries) {}

  organization(id: string): DirectoryOrganization | undefined {
    const row = this.queries.byId(id);
    return row && { id: row.id, name: row.name, kind: row.kind };
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
      useFactory: (queries: OrganizationsQueries) => new OrganizationDirectoryAdapter(queries),
      inject: [OrganizationsQueries],
    },
    decisionDirectory: {
      useFactory: (queries: DecisionsQueries) => new DecisionDirectoryAdapter(queries),
      inject: [DecisionsQueries],
    },
  });
}
