import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { osloDate, type Actor } from '@kom/kernel';
import { CLOCK, type Clock } from '../clock';
import { EventSchemaRegistry } from '../command/event-schema-registry';
import { ProjectionsService } from '../nest/projections.service';
import { SensitiveReadRecorded, type SensitiveReadData } from './access-log.events';

/** One stream per Oslo day: appends of a busy day never contend with the streams of the domain. */
export const accessLogStream = (at: Date) => `access-log-${osloDate(at)}`;

/**
 * Records sensitive reads as events in the log (SensitiveReadRecorded), where auditors see them in
 * the audit trail and the hash chain protects them like any other event.
 *
 * The order, chosen so that nothing is read unlogged: the answer is computed first (a refused or
 * failed read records nothing), then the read is appended, and only then is the answer handed out.
 * When the append fails, the caller gets an error instead of the content. A retried read is
 * recorded again: each is a read. Like a mutation, it answers once this replica's read models hold
 * the record, so the reader who then opens the audit trail sees their own read.
 */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async record(actor: Actor, read: SensitiveReadData, correlationId: string = randomUUID()): Promise<void> {
    this.schemas.validate(SensitiveReadRecorded.type, read);
    const now = this.clock.now();
    const { position } = await this.store.appendToStream(accessLogStream(now), [
      {
        id: randomUUID(),
        type: SensitiveReadRecorded.type,
        data: read,
        metadata: {
          actor,
          correlationId,
          causationId: correlationId,
          command: 'RecordSensitiveRead',
          occurredAt: now.toISOString(),
          schemaVersion: SensitiveReadRecorded.version,
        },
      },
    ]);
    await this.projections.waitFor(position);
  }
}
