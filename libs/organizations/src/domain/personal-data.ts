import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Crypto-shredding of personal data (a representative's name and e-mail address). The details are
 * sealed with AES-256-GCM under a data key of their own, bound to the subject's id (additional
 * authenticated data), and only the sealed text goes into an event (the hash chain covers the
 * ciphertext). The key lives in the key table outside the log (PERSONAL_DATA_KEYS in @kom/platform):
 * shredding it makes the details unreadable everywhere, in the log and in every backup, without
 * rewriting any event — the log still verifies.
 *
 * Sealed text: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. Pure given the key and the IV;
 * the caller draws both at random.
 */
export const DATA_KEY_ALGORITHM = 'AES-256-GCM';
export const DATA_KEY_BYTES = 32;
export const IV_BYTES = 12;

export interface RepresentativeDetails {
  readonly name: string;
  readonly email: string;
}

export function seal(details: RepresentativeDetails, subjectId: string, key: Buffer, iv: Buffer): string {
  return sealJson({ name: details.name, email: details.email }, subjectId, key, iv);
}

/** The details, or undefined when the key is wrong or the text was altered. */
export function unseal(sealed: string, subjectId: string, key: Buffer): RepresentativeDetails | undefined {
  const parsed = unsealJson(sealed, subjectId, key) as RepresentativeDetails | undefined;
  return parsed && { name: parsed.name, email: parsed.email };
}

/**
 * A sign-in subject linked to a representative, sealed under the representative's data key (so
 * erasing the person makes the link unreadable too), bound to `<representativeId>#identity`.
 */
export function sealSubject(subject: string, representativeId: string, key: Buffer, iv: Buffer): string {
  return sealJson({ subject }, `${representativeId}#identity`, key, iv);
}

export function unsealSubject(sealed: string, representativeId: string, key: Buffer): string | undefined {
  const parsed = unsealJson(sealed, `${representativeId}#identity`, key) as { subject?: unknown } | undefined;
  return typeof parsed?.subject === 'string' ? parsed.subject : undefined;
}

function sealJson(value: object, subjectId: string, key: Buffer, iv: Buffer): string {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`A data key has ${DATA_KEY_BYTES} bytes`);
  if (iv.length !== IV_BYTES) throw new Error(`An IV has ${IV_BYTES} bytes`);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(value), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

function unsealJson(sealed: string, subjectId: string, key: Buffer): unknown {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined || key.length !== DATA_KEY_BYTES) {
    return undefined;
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
