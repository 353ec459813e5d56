import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ProjectionsService } from '@kom/platform';
import { AuditNotary } from '../checkpoints/audit-notary';

/**
 * The background notary: after each batch the read models commit (the leaves included), records the
 * periodic checkpoint when one is due. One at a time; failures are logged and retried on the next batch.
 */
@Injectable()
export class NotaryService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditNotary');
  private unsubscribe: (() => void) | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(AuditNotary) private readonly notary: AuditNotary,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.projections.onCommitted(() => {
      if (this.stopped) return;
      this.pending = this.notary.checkpointIfDue().then(
        (checkpoint) => {
          if (checkpoint) this.logger.log({ msg: 'Audit checkpoint recorded', treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash });
        },
        (error: unknown) => this.logger.warn({ msg: 'Audit checkpoint not recorded; retried after the next events', error: (error as Error).message }),
      );
    });
  }

  /** Before the projections and the store stop. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.pending;
  }
}
