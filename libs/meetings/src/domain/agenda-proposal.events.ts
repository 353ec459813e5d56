import { z } from 'zod';
import { DEFAULT_PLAN_MEASURE_COUNT, defineEvent, measureCitationRefsSchema } from '@kom/kernel';

const id = z.string().min(1).max(100);

const agendaItemProposed = z.object({
  proposalId: id,
  meetingId: id,
  organizationId: id,
  title: z.string().min(1).max(300),
  description: z.string().max(20_000),
  citedMeasures: z.array(z.number().int().min(1).max(DEFAULT_PLAN_MEASURE_COUNT)).max(DEFAULT_PLAN_MEASURE_COUNT),
  citedIssueIds: z.array(id).max(20),
  /** The organisation's registered representative who proposed it (names come from the register); absent when not recorded. */
  representativeId: id.optional(),
});

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (agenda-proposal.upcasters.ts). */
export const AgendaItemProposedV1 = defineEvent('AgendaItemProposed', 1, agendaItemProposed);

/**
 * A member organisation's representative proposed an item for a coming meeting of a body their
 * organisation belongs to. One stream per proposal (`agendaProposal-<proposalId>`). Version 2 cites
 * measures as (plan, number).
 */
export const AgendaItemProposed = defineEvent('AgendaItemProposed', 2, agendaItemProposed.extend({ citedMeasures: measureCitationRefsSchema }));

/** The secretariat accepted the proposal: in the same write, the item joined the meeting's agenda. */
export const AgendaProposalAccepted = defineEvent(
  'AgendaProposalAccepted',
  1,
  z.object({ proposalId: id, meetingId: id, agendaItemId: id }),
);

export const AgendaProposalDeclined = defineEvent(
  'AgendaProposalDeclined',
  1,
  z.object({ proposalId: id, meetingId: id, reason: z.string().min(1).max(2000) }),
);

/** The proposing organisation took its proposal back before the secretariat decided on it. */
export const AgendaProposalWithdrawn = defineEvent(
  'AgendaProposalWithdrawn',
  1,
  z.object({ proposalId: id, meetingId: id, reason: z.string().max(2000).nullable() }),
);

export const agendaProposalEventSchemas = [AgendaItemProposed, AgendaProposalAccepted, AgendaProposalDeclined, AgendaProposalWithdrawn];

type Data<S> = S extends { data: z.ZodType<infer D> } ? D : never;
type EventOf<S> = S extends { type: infer T } ? { type: T; data: Data<S> } : never;

export type AgendaProposalEvent = EventOf<(typeof agendaProposalEventSchemas)[number]>;
