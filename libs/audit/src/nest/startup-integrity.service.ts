import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { LogIntegrity } from '@kom/platform';
import type { AuditSigningKey } from '../checkpoints/audit-key';
import { verifyLogSinceLastCheckpoint } from '../verification/log-since-checkpoint';
import { AUDIT_SIGNING_KEY } from './tokens';

/**
 * Checks the log before the application serves (module init, so before seeders and reactors
 * write): on a broken chain, every write is refused and /health names the position; reads go on.
 */
@Injectable()
export class StartupIntegrityCheck implements OnModuleInit {
  private readonly logger = new Logger('LogIntegrity');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(LogIntegrity) private readonly integrity: LogIntegrity,
  ) {}

  async onModuleInit(): Promise<void> {
    const report = await verifyLogSinceLastCheckpoint(this.store, this.key.published);
    if (report.valid) {
      this.integrity.verified(report.checkedEvents, report.fromPosition);
      this.logger.log({ msg: 'Event log verified since the last signed checkpoint', fromPosition: String(report.fromPosition), checkedEvents: report.checkedEvents });
      return;
    }
    this.integrity.broken(report.firstInvalidPosition!, report.reason!, report.checkedEvents);
    this.logger.error({
      msg: 'The event log is not intact: writes are refused, reads are served; run kom verify and restore the log',
      firstInvalidPosition: String(report.firstInvalidPosition),
      reason: report.reason,
    });
  }
}
