import { defaultPlanRefs, defineUpcaster } from '@kom/kernel';
import { AgendaItemProposed, AgendaItemProposedV1 } from './agenda-proposal.events';

/** Every measure cited before v2 was a number of the 2011–2014 plan. */
export const agendaItemProposedV1ToV2 = defineUpcaster(AgendaItemProposedV1, AgendaItemProposed, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));

export const agendaProposalUpcasters = [agendaItemProposedV1ToV2];
