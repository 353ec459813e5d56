import { z } from 'zod';
import { defineEvent } from '@kom/kernel';

const id = z.string().min(1).max(100);
/** sha-256 of the sign-in subject, hex, first 32 digits: names the identity's stream without the subject. */
const identityKey = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * A sign-in identity (the token's subject) is linked to a registered representative. On the
 * identity's stream (`identity-<identityKey>`): a subject links to one representative at a time, and
 * that stream's revision is what keeps two links of one subject from both succeeding.
 */
export const RepresentativeIdentityLinked = defineEvent(
  'RepresentativeIdentityLinked',
  1,
  z.object({
    identityKey,
    representativeId: id,
    organizationId: id,
    /** The subject, sealed under the representative's data key (`v1.<iv>.<tag>.<ciphertext>`): erasure shreds it with the name. */
    subject: z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).max(2000),
  }),
);

export const RepresentativeIdentityUnlinked = defineEvent(
  'RepresentativeIdentityUnlinked',
  1,
  z.object({ identityKey, representativeId: id, organizationId: id }),
);

export type IdentityLinkEvent =
  | { type: 'RepresentativeIdentityLinked'; data: z.infer<typeof RepresentativeIdentityLinked.data> }
  | { type: 'RepresentativeIdentityUnlinked'; data: z.infer<typeof RepresentativeIdentityUnlinked.data> };

export const identityLinkEventSchemas = [RepresentativeIdentityLinked, RepresentativeIdentityUnlinked];
