import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalDataKeys } from '@kom/platform';

const subject = (endpointId: string) => `webhook-endpoint-${endpointId}`;

/**
 * Webhook signing secrets sealed with AES-256-GCM under a key per endpoint, kept in the key table
 * outside the log (the same table as personal-data keys, shared by replicas). The log holds only
 * the sealed text; removing the endpoint shreds its key, after which no copy of a secret opens.
 */
export class WebhookSecrets {
  constructor(private readonly keys: PersonalDataKeys) {}

  async seal(endpointId: string, secret: string): Promise<string> {
    await this.keys.create(subject(endpointId), randomBytes(32));
    const key = await this.keys.get(subject(endpointId));
    if (!key) throw new Error(`No key for webhook endpoint ${endpointId}`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(subject(endpointId)));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The secret, or undefined once the key is shredded (or the text altered). */
  async open(endpointId: string, sealed: string): Promise<string | undefined> {
    const key = await this.keys.get(subject(endpointId));
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (!key || version !== 'v1' || !iv || !tag || !ciphertext) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(subject(endpointId)));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  async forget(endpointId: string): Promise<void> {
    await this.keys.shred(subject(endpointId));
  }
}
