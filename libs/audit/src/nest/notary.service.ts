import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { KOM_CONFIG, ProjectionsService, type KomConfig } from '@kom/platform';
import { AuditNotary, type RecordedCheckpoint } from '../checkpoints/audit-notary';

/**
 * The background notary, the only maker of scheduled checkpoints (no role signs one but the
 * secretariat, on demand): after each batch the read models commit (the leaves included), records
 * the periodic checkpoint when a multiple of KOM_AUDIT_CHECKPOINT_EVERY is due; every
 * KOM_AUDIT_CHECKPOINT_MINUTES, a checkpoint of the log as it is when it grew meanwhile. One at a
 * time; failures are logged and retried on the next batch or tick.
 */
@Injectable()
export class NotaryService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditNotary');
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(AuditNotary) private readonly notary: AuditNotary,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(KOM_CONFIG) private readonly config: KomConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.projections.onCommitted(() => this.run(() => this.notary.checkpointIfDue()));
    const minutes = this.config.audit.checkpointMinutes;
    if (minutes > 0) {
      this.timer = setInterval(() => this.run(() => this.notary.checkpointIfGrown()), minutes * 60_000);
      this.timer.unref(); // a pending tick never keeps the process alive
    }
  }

  private run(work: () => Promise<RecordedCheckpoint | undefined>): void {
    if (this.stopped) return;
    this.pending = work().then(
      (checkpoint) => {
        if (checkpoint) this.logger.log({ msg: 'Audit checkpoint recorded', treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash });
      },
      (error: unknown) => this.logger.warn({ msg: 'Audit checkpoint not recorded; retried after the next events', error: (error as Error).message }),
    );
  }

  /** Before the projections and the store stop. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.pending;
  }
}
