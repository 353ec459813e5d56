export { AgreementsModule, type AgreementsModuleOptions } from './agreements.module';
export { agreementsContext } from './agreements.context';
export {
  ORGANIZATION_DIRECTORY,
  DECISION_DIRECTORY,
  decisionsNotYetKnown,
  type OrganizationDirectory,
  type DirectoryOrganization,
  type DecisionDirectory,
  type DirectoryDecision,
  type DirectoryDecisionStatus,
} from './application/ports';
export { AgreementsQueries, type AgreementRow } from './read-models/agreements.queries';
export { visibleTo as agreementVisibleTo } from './domain/agreement-visibility';
export { agreementDecider, agreementStream } from './domain/agreement.decider';
export type { AgreementCommand } from './domain/agreement.commands';
export { CLAUSE_SECTIONS, type AgreementEvent, type ClauseSection } from './domain/agreement.events';
export { AGREEMENT_STATUSES, statusAt, versionInForceAt, type AgreementStatus } from './domain/agreement-status';
export { DraftAgreementCommand, type DraftAgreementRequest } from './application/draft-agreement.command';
export { AmendAgreementCommand, type AmendAgreementRequest } from './application/amend-agreement.command';
export { ProposeAgreementForSignatureCommand } from './application/propose-agreement-for-signature.command';
export { SignAgreementCommand } from './application/sign-agreement.command';
export { RenewAgreementCommand } from './application/renew-agreement.command';
export { TerminateAgreementCommand } from './application/terminate-agreement.command';
export { AgreementsSeeder, SEED_AGREEMENT_ID, SEED_NATIONAL_AGREEMENT_ID } from './seed/agreements.seeder';
export { AgreementSignature } from './graphql/agreement.types';
