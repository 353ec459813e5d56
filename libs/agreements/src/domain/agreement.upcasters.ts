import { defineUpcaster } from '@kom/kernel';
import { AgreementAmended, AgreementAmendedV1, AgreementDrafted, AgreementDraftedV1, type AgreementPartyV1 } from './agreement.events';

/** Before roles, the police party was the party of kind POLICE. */
const markPolice = (parties: readonly AgreementPartyV1[]) => parties.map((p) => ({ ...p, police: p.kind === 'POLICE' }));

export const agreementDraftedV1ToV2 = defineUpcaster(AgreementDraftedV1, AgreementDrafted, (data) => ({ ...data, parties: markPolice(data.parties) }));

export const agreementAmendedV1ToV2 = defineUpcaster(AgreementAmendedV1, AgreementAmended, (data) => ({ ...data, parties: markPolice(data.parties) }));

export const agreementUpcasters = [agreementDraftedV1ToV2, agreementAmendedV1ToV2];
