import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import type { ReadModelDatabase } from '@kom/projections';
import { BOUNDED_CONTEXTS, CLOCK, KOM_CONFIG, READ_MODELS, type BoundedContext, type Clock, type KomConfig, type PortBinding } from '@kom/platform';
import { loadOrCreateAuditKey, type AuditSigningKey } from './checkpoints/audit-key';
import { AuditNotary } from './checkpoints/audit-notary';
import { LogIntegrityCheck } from './integrity/log-integrity-check';
import { DecisionsQueries } from '@kom/meetings';
import { DECISION_RELATIONS } from './history/decision-relations.port';
import { AuditResolver } from './graphql/audit.resolver';
import { AuditMutationsResolver } from './graphql/audit-mutations.resolver';
import { DecisionHistoryResolver, DecisionHistoryStepResolver } from './graphql/decision-history.resolver';
import { AuditKeyController } from './nest/audit-key.controller';
import { EvidenceBundleController } from './nest/evidence-bundle.controller';
import { NotaryService } from './nest/notary.service';
import { StartupIntegrityCheck } from './nest/startup-integrity.service';
import { AUDIT_SIGNING_KEY } from './nest/tokens';
import { AuditTrailQueries } from './read-models/audit-trail.queries';
import { AuditNameRegistry } from './trail/audit-names';
import { AuditSummaryRegistry } from './trail/audit-summaries';

const AUDIT_PROVIDERS: Provider[] = [
  { provide: AUDIT_SIGNING_KEY, inject: [KOM_CONFIG], useFactory: (config: KomConfig) => loadOrCreateAuditKey(config.audit.keyFile) },
  {
    provide: AuditNotary,
    inject: [EVENT_STORE, READ_MODELS, AUDIT_SIGNING_KEY, KOM_CONFIG],
    useFactory: (store: EventStore, readModels: ReadModelDatabase, key: AuditSigningKey, config: KomConfig) =>
      new AuditNotary(store, readModels.db, key, { checkpointEvery: config.audit.checkpointEvery }),
  },
  {
    provide: LogIntegrityCheck,
    inject: [EVENT_STORE, AUDIT_SIGNING_KEY, READ_MODELS, AuditNotary, AuditTrailQueries, CLOCK],
    useFactory: (store: EventStore, key: AuditSigningKey, readModels: ReadModelDatabase, notary: AuditNotary, trail: AuditTrailQueries, clock: Clock) =>
      new LogIntegrityCheck({
        store,
        publicKey: key.published,
        readModelsFile: readModels.db.memory ? undefined : readModels.db.name,
        leafHints: (from, to) => notary.leafHints(from, to),
        totalEvents: () => trail.count(),
        now: () => clock.now(),
      }),
  },
  { provide: AuditTrailQueries, inject: [READ_MODELS], useFactory: (readModels: ReadModelDatabase) => new AuditTrailQueries(readModels.db) },
  {
    provide: AuditSummaryRegistry,
    inject: [BOUNDED_CONTEXTS],
    useFactory: (contexts: readonly BoundedContext[]) => new AuditSummaryRegistry(contexts),
  },
  {
    provide: AuditNameRegistry,
    inject: [BOUNDED_CONTEXTS],
    useFactory: (contexts: readonly BoundedContext[]) => new AuditNameRegistry(contexts),
  },
  // The meetings context's public queries over this replica's read models (decisionHistory reads them).
  // (An injectable class over the global READ_MODELS: no import of the meetings module.)
  DecisionsQueries,
  NotaryService,
  StartupIntegrityCheck,
  AuditResolver,
  AuditMutationsResolver,
  DecisionHistoryResolver,
  DecisionHistoryStepResolver,
];

export interface AuditModuleOptions {
  /** Modules that export what the bindings inject. */
  readonly imports?: ModuleMetadata['imports'];
  /** DECISION_RELATIONS: the issue and agreements around a decision, for decision history. */
  readonly decisionRelations: PortBinding;
}

/** The audit trail, the notary, verification and proofs. Add auditContext to the platform's contexts too. */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      imports: [...(options.imports ?? [])],
      controllers: [AuditKeyController, EvidenceBundleController],
      providers: [{ ...options.decisionRelations, provide: DECISION_RELATIONS } as Provider, ...AUDIT_PROVIDERS],
    };
  }
}
