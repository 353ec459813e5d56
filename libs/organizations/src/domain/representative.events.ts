import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

const id = z.string().min(1).max(100);

/** The name and e-mail address are sealed in `details`: no personal data in the clear. */
export const RepresentativeAdded = defineEvent(
  'RepresentativeAdded',
  1,
  z.object({
    representativeId: id,
    organizationId: id,
    /**
     * `v1.<iv>.<tag>.<ciphertext>` (AES-256-GCM, base64url parts) under the representative's data key,
     * which lives in the key table outside the log (PERSONAL_DATA_KEYS). The chain hashes this ciphertext.
     */
    details: z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).max(4000),
  }),
);

export const RepresentativeRemoved = defineEvent(
  'RepresentativeRemoved',
  1,
  z.object({ representativeId: id, organizationId: id }),
);


const personalDataAct = z.object({
  representativeId: id,
  organizationId: id,
  /** The legal basis the secretariat gave (free text; no national identity numbers). */
  legalBasis: z.string().min(1).max(2000),
});

/** The person's data is hidden from everyone but auditors; nothing is deleted (archive law may forbid it). */
export const PersonalDataRestricted = defineEvent('PersonalDataRestricted', 1, personalDataAct);

/**
 * The person's data was erased: the data key was shredded from the key table, so every copy of the
 * sealed details (log, read models, backups, evidence bundles) is unreadable. No event is changed.
 */
export const PersonalDataErased = defineEvent('PersonalDataErased', 1, personalDataAct);

export type RepresentativeEvent =
  | { type: 'RepresentativeAdded'; data: z.infer<typeof RepresentativeAdded.data> }
  | { type: 'RepresentativeRemoved'; data: z.infer<typeof RepresentativeRemoved.data> }
  | { type: 'PersonalDataRestricted'; data: z.infer<typeof PersonalDataRestricted.data> }
  | { type: 'PersonalDataErased'; data: z.infer<typeof PersonalDataErased.data> };

export const representativeEventSchemas = [RepresentativeAdded, RepresentativeRemoved, PersonalDataRestricted, PersonalDataErased];
