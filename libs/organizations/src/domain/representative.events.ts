import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

const id = z.string().min(1).max(100);

/**
 * A data key for one subject's personal data, in the subject's own key stream
 * (`personal-data-key-<subjectId>`). Deleting that stream shreds the data (see personal-data.ts).
 */
export const PersonalDataKeyCreated = defineEvent(
  'PersonalDataKeyCreated',
  1,
  z.object({
    subjectId: id,
    algorithm: z.literal('AES-256-GCM'),
    /** 32 bytes, base64. */
    key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  }),
);

/** The name and e-mail address are sealed in `details`: no personal data in the clear. */
export const RepresentativeAdded = defineEvent(
  'RepresentativeAdded',
  1,
  z.object({
    representativeId: id,
    organizationId: id,
    /** `v1.<iv>.<tag>.<ciphertext>` (AES-256-GCM, base64url parts) under the representative's data key. */
    details: z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).max(4000),
  }),
);

export const RepresentativeRemoved = defineEvent(
  'RepresentativeRemoved',
  1,
  z.object({ representativeId: id, organizationId: id }),
);

export type PersonalDataKeyEvent = { type: 'PersonalDataKeyCreated'; data: z.infer<typeof PersonalDataKeyCreated.data> };

export type RepresentativeEvent =
  | { type: 'RepresentativeAdded'; data: z.infer<typeof RepresentativeAdded.data> }
  | { type: 'RepresentativeRemoved'; data: z.infer<typeof RepresentativeRemoved.data> };

export const representativeEventSchemas = [PersonalDataKeyCreated, RepresentativeAdded, RepresentativeRemoved];
