import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

/**
 * The structured sections of a cooperation agreement (measure 34): each clause belongs to one,
 * and a version proposed for signature holds all of them, in this order.
 */
export const CLAUSE_SECTIONS = [
  'ROLES_AND_RESPONSIBILITIES',
  'CONTACT_POINTS',
  'INFORMATION_SHARING_AND_CONFIDENTIALITY',
  'VICTIM_ROUTE',
  'TERM_AND_REVIEW',
] as const;
export type ClauseSection = (typeof CLAUSE_SECTIONS)[number];

const id = z.string().min(1).max(100);
/** A calendar date, YYYY-MM-DD, in Norway (Europe/Oslo). */
const calendarDate = z.iso.date();
const instant = z.iso.datetime();
const version = z.number().int().min(1);

const partyV1 = z.object({
  organizationId: id,
  /** The organisation's name when the version was made (from the register). */
  name: z.string().min(1).max(200),
  /** The organisation's kind in the register (POLICE, NGO, AGENCY, ...). */
  kind: z.string().min(1).max(40),
  /** What this party does in the cooperation. */
  role: z.string().min(1).max(1000),
});

/**
 * Version 2 marks the police party: the party that held the POLICE role in the register when it
 * became the police party (the Police Directorate is police while its kind is SECRETARIAT). Before
 * v2 the police party was the party of kind POLICE (agreement.upcasters.ts).
 */
const party = partyV1.extend({
  /** True for the one police party of the version. */
  police: z.boolean(),
});

const clause = z.object({
  section: z.enum(CLAUSE_SECTIONS),
  /** Norwegian text (binding). */
  nb: z.string().min(1).max(20000),
  /** English text (optional translation). */
  en: z.string().min(1).max(20000).nullable(),
});

/** Everything a version says: a new version repeats all of it, so each version reads on its own. */
const contentV1 = {
  title: z.string().min(1).max(200),
  purpose: z.string().min(1).max(5000),
  parties: z.array(partyV1).min(2).max(50),
  clauses: z.array(clause).min(1).max(CLAUSE_SECTIONS.length),
  /** The first day the version can be in force. */
  effectiveFrom: calendarDate,
  /** The first day the version is no longer in force (periods are [effectiveFrom, expiresOn)); null: no end date. */
  expiresOn: calendarDate.nullable(),
  /** KOM decisions that called for the agreement. */
  citedDecisionIds: z.array(id).max(50),
};

const content = { ...contentV1, parties: z.array(party).min(2).max(50) };

/** Version 1: parties without the police mark (read as v2 by agreement.upcasters.ts). */
export const AgreementDraftedV1 = defineEvent('AgreementDrafted', 1, z.object({ agreementId: id, version, createdAt: instant, ...contentV1 }));

export const AgreementDrafted = defineEvent('AgreementDrafted', 2, z.object({ agreementId: id, version, createdAt: instant, ...content }));

/** Version 1: parties without the police mark (read as v2 by agreement.upcasters.ts). */
export const AgreementAmendedV1 = defineEvent(
  'AgreementAmended',
  1,
  z.object({ agreementId: id, version, basedOnVersion: version, createdAt: instant, ...contentV1 }),
);

export const AgreementAmended = defineEvent(
  'AgreementAmended',
  2,
  z.object({ agreementId: id, version, basedOnVersion: version, createdAt: instant, ...content }),
);

export const AgreementProposedForSignature = defineEvent(
  'AgreementProposedForSignature',
  1,
  z.object({ agreementId: id, version, proposedAt: instant }),
);

export const AgreementSigned = defineEvent(
  'AgreementSigned',
  1,
  z.object({
    agreementId: id,
    version,
    /**
     * The party signed for: the signer's organisation, or a merged police district whose place the
     * signer's organisation holds (the metadata's actor names the signer's organisation).
     */
    organizationId: id,
    /** The user who signed (from the verified token). */
    signedBy: id,
    /**
     * The registered representative the signer's identity is linked to (names come from the register,
     * so erasure reaches them). Absent in events from before the register recorded it: "not recorded then".
     */
    representativeId: id.optional(),
    signedAt: instant,
  }),
);

/** A new version: the based-on version's content with a later expiry date; it needs every signature again. */
export const AgreementRenewed = defineEvent(
  'AgreementRenewed',
  1,
  z.object({ agreementId: id, version, basedOnVersion: version, createdAt: instant, expiresOn: calendarDate }),
);

export const AgreementTerminated = defineEvent(
  'AgreementTerminated',
  1,
  z.object({
    agreementId: id,
    /** The party that terminates (a merged police district when its successor gives notice for it). */
    organizationId: id,
    terminatedBy: id,
    reason: z.string().min(1).max(2000),
    /** The first day the agreement is no longer in force. */
    effectiveOn: calendarDate,
    /** When notice was given. */
    noticeGivenAt: instant,
  }),
);

export type AgreementParty = z.infer<typeof party>;
export type AgreementPartyV1 = z.infer<typeof partyV1>;
export type AgreementClause = z.infer<typeof clause>;

export type AgreementEvent =
  | { type: 'AgreementDrafted'; data: z.infer<typeof AgreementDrafted.data> }
  | { type: 'AgreementAmended'; data: z.infer<typeof AgreementAmended.data> }
  | { type: 'AgreementProposedForSignature'; data: z.infer<typeof AgreementProposedForSignature.data> }
  | { type: 'AgreementSigned'; data: z.infer<typeof AgreementSigned.data> }
  | { type: 'AgreementRenewed'; data: z.infer<typeof AgreementRenewed.data> }
  | { type: 'AgreementTerminated'; data: z.infer<typeof AgreementTerminated.data> };

export const AGREEMENT_EVENT_TYPES: readonly AgreementEvent['type'][] = [
  'AgreementDrafted',
  'AgreementAmended',
  'AgreementProposedForSignature',
  'AgreementSigned',
  'AgreementRenewed',
  'AgreementTerminated',
];

export const agreementEventSchemas = [
  AgreementDrafted,
  AgreementAmended,
  AgreementProposedForSignature,
  AgreementSigned,
  AgreementRenewed,
  AgreementTerminated,
];
