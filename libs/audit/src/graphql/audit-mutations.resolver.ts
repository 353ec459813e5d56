import { Inject } from '@nestjs/common';
import { Mutation, Resolver } from '@nestjs/graphql';
import { InvalidInput } from '@kom/kernel';
import { ProjectionsService } from '@kom/platform';
import { checkpointFields } from '../checkpoints/audit-log-format';
import { AuditNotary } from '../checkpoints/audit-notary';
import { AuditCheckpointType, AuditEntryType } from './audit.types';

/** The one audit mutation: a checkpoint signed on demand (the secretariat; auditors change nothing). */
@Resolver(() => AuditEntryType)
export class AuditMutationsResolver {
  constructor(
    @Inject(AuditNotary) private readonly notary: AuditNotary,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  @Mutation(() => AuditCheckpointType, { description: 'Signs and records a checkpoint of the log as it is now (or returns the latest, when nothing is new). The secretariat only: the platform also signs them on a schedule, and auditors change nothing.' })
  async createAuditCheckpoint(): Promise<AuditCheckpointType> {
    const checkpoint = await this.notary.checkpointNow();
    if (!checkpoint) throw new InvalidInput('AUDIT_LOG_EMPTY', 'The log holds no events to checkpoint');
    // Read your writes: auditProof and auditCheckpoints answer from the read models.
    await this.projections.waitFor(checkpoint.eventPosition);
    return checkpointFields(checkpoint);
  }
}
