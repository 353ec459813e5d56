import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { TOPICS } from './topics';

const id = z.string().min(1).max(100);
const instant = z.iso.datetime({ offset: true });
/** `v1.<iv>.<tag>.<ciphertext>`: the signing secret sealed under the endpoint's key outside the log. */
const sealed = z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).max(1000);

/**
 * An organisation's webhook endpoint. The signing secret is recorded only sealed (AES-256-GCM under
 * a key in the key table outside the log): the log and its exports cannot forge a signature, and
 * removing the endpoint shreds the key.
 */
export const WebhookEndpointRegistered = defineEvent(
  'WebhookEndpointRegistered',
  1,
  z.object({ endpointId: id, organizationId: id, url: z.string().min(1).max(2000), topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length), sealedSecret: sealed }),
);

/** A new secret; the previous one still signs until `previousValidUntil` (receivers roll over). */
export const WebhookSecretRotated = defineEvent(
  'WebhookSecretRotated',
  1,
  z.object({ endpointId: id, sealedSecret: sealed, previousValidUntil: instant }),
);

export const WebhookEndpointDisabled = defineEvent(
  'WebhookEndpointDisabled',
  1,
  z.object({ endpointId: id, organizationId: id, reason: z.enum(['REPEATED_FAILURE', 'BY_ORGANIZATION']), consecutiveFailures: z.number().int().min(0) }),
);

export const WebhookEndpointEnabled = defineEvent('WebhookEndpointEnabled', 1, z.object({ endpointId: id, organizationId: id }));

export const WebhookEndpointRemoved = defineEvent('WebhookEndpointRemoved', 1, z.object({ endpointId: id, organizationId: id }));

export type WebhookEndpointEvent =
  | { type: 'WebhookEndpointRegistered'; data: z.infer<typeof WebhookEndpointRegistered.data> }
  | { type: 'WebhookSecretRotated'; data: z.infer<typeof WebhookSecretRotated.data> }
  | { type: 'WebhookEndpointDisabled'; data: z.infer<typeof WebhookEndpointDisabled.data> }
  | { type: 'WebhookEndpointEnabled'; data: z.infer<typeof WebhookEndpointEnabled.data> }
  | { type: 'WebhookEndpointRemoved'; data: z.infer<typeof WebhookEndpointRemoved.data> };

export const webhookEndpointEventSchemas = [WebhookEndpointRegistered, WebhookSecretRotated, WebhookEndpointDisabled, WebhookEndpointEnabled, WebhookEndpointRemoved];
