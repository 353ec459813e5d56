import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, MailTransport } from './ports';

/**
 * E-mail over SMTP with nodemailer (KOM_SMTP_URL: smtp://user:pass@host:587 or smtps://...), one
 * connection per message (the outbox sends one at a time); the Message-ID is the notification's, so a message sent again after a crash
 * carries the same id and mail systems and readers can drop the second copy.
 */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    // Bounded waits (nodemailer's own allow minutes): a hung server delays one pass, not the shutdown.
    this.transporter = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: { 'Content-Language': message.language },
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
