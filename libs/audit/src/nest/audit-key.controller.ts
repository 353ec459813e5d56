import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import type { AuditSigningKey } from '../checkpoints/audit-key';
import { readKeyRing } from '../checkpoints/key-ring-store';
import type { AuditKeyEntry, KeyRotationData } from '../checkpoints/key-rotation';
import type { AuditPublicKey } from '../checkpoints/signing';
import { AUDIT_SIGNING_KEY } from './tokens';

/**
 * The public audit key, for verifiers outside the platform. The top-level fields are the key this
 * replica signs with (as before rotation existed); `keys` lists every key of the log's life with its
 * validity, and `rotations` the signed statements that link them (see key-rotation.ts).
 */
@Controller('.well-known')
@Public()
export class AuditKeyController {
  constructor(
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('kom-audit-key')
  @Header('cache-control', 'public, max-age=300')
  async publicKey(): Promise<AuditPublicKey & { jwk: object; keys: AuditKeyEntry[]; rotations: KeyRotationData[] }> {
    const { ring, rotations } = await readKeyRing(this.store, this.key.published);
    return { ...this.key.published, jwk: this.key.publicKey.export({ format: 'jwk' }), keys: [...ring], rotations };
  }
}
