import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@kom/auth';
import type { AuditSigningKey } from '../checkpoints/audit-key';
import type { AuditPublicKey } from '../checkpoints/signing';
import { AUDIT_SIGNING_KEY } from './tokens';

/** The public audit key, for verifiers outside the platform. */
@Controller('.well-known')
@Public()
export class AuditKeyController {
  constructor(@Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey) {}

  @Get('kom-audit-key')
  @Header('cache-control', 'public, max-age=300')
  publicKey(): AuditPublicKey & { jwk: object } {
    return { ...this.key.published, jwk: this.key.publicKey.export({ format: 'jwk' }) };
  }
}
