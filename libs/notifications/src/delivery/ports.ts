/** A rendered e-mail; `messageId` is the idempotency key receivers deduplicate on. */
export interface MailMessage {
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: 'nb' | 'en';
}

/** Sends one e-mail; resolves once the SMTP server accepted it. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol.for('kom.notifications.MailTransport');

/** Where a person's e-mail goes: their organisation's representative record, unsealed when sent. */
export type AddressLookup = { readonly email: string } | { readonly erased: true } | undefined;
export interface RecipientAddresses {
  /** undefined: no such representative or no address; `erased`: the person's data is gone (or restricted). */
  emailOf(representativeId: string): Promise<AddressLookup>;
  /** The representative's organisation (to refuse another organisation's record in preferences). */
  organizationOf(representativeId: string): Promise<string | undefined>;
}
export const RECIPIENT_ADDRESSES = Symbol.for('kom.notifications.RecipientAddresses');

/** The per-endpoint keys that seal webhook secrets (the personal-data key table). */
export const WEBHOOK_SECRET_KEYS = Symbol.for('kom.notifications.WebhookSecretKeys');
