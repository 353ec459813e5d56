import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import type { PortBinding } from '@kom/platform';
import { AmendAgreementHandler } from './application/amend-agreement.command';
import { DraftAgreementHandler } from './application/draft-agreement.command';
import { ProposeAgreementForSignatureHandler } from './application/propose-agreement-for-signature.command';
import { RenewAgreementHandler } from './application/renew-agreement.command';
import { SignAgreementHandler } from './application/sign-agreement.command';
import { TerminateAgreementHandler } from './application/terminate-agreement.command';
import { DECISION_DIRECTORY, ORGANIZATION_DIRECTORY } from './application/ports';
import { AgreementClauseResolver } from './graphql/agreement-clause.resolver';
import { AgreementPartyResolver } from './graphql/agreement-party.resolver';
import { AgreementResolver } from './graphql/agreement.resolver';
import { AgreementMutationsResolver } from './graphql/agreement-mutations.resolver';
import { AgreementsQueries } from './read-models/agreements.queries';
import { AgreementsSeeder } from './seed/agreements.seeder';

export interface AgreementsModuleOptions {
  /** Modules that export what the bindings inject (e.g. OrganizationsModule). */
  readonly imports?: ModuleMetadata['imports'];
  /** ORGANIZATION_DIRECTORY: the register of organisations. */
  readonly organizationDirectory: PortBinding;
  /** DECISION_DIRECTORY: KOM's decisions (`decisionsNotYetKnown` until a read side provides them). */
  readonly decisionDirectory: PortBinding;
}

@Module({})
export class AgreementsModule {
  static forRoot(options: AgreementsModuleOptions): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { ...options.organizationDirectory, provide: ORGANIZATION_DIRECTORY } as Provider,
        { ...options.decisionDirectory, provide: DECISION_DIRECTORY } as Provider,
        DraftAgreementHandler,
        AmendAgreementHandler,
        ProposeAgreementForSignatureHandler,
        SignAgreementHandler,
        RenewAgreementHandler,
        TerminateAgreementHandler,
        AgreementsQueries,
        AgreementResolver,
        AgreementMutationsResolver,
        AgreementClauseResolver,
        AgreementPartyResolver,
        AgreementsSeeder,
      ],
      exports: [AgreementsQueries],
    };
  }
}
