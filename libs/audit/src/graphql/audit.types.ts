import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@kom/platform';

@ObjectType('AuditPublicKey', { description: 'The Ed25519 key that signs audit checkpoints; also at GET /.well-known/kom-audit-key.' })
export class AuditPublicKeyType {
  @Field(() => String, { description: 'SHA-256 (hex) of the DER (SPKI) public key.' })
  keyId!: string;

  @Field(() => String)
  algorithm!: string;

  @Field(() => String, { description: 'SPKI, PEM.' })
  publicKeyPem!: string;
}

@ObjectType('IntegrityReport', { description: 'The outcome of checking hash chains (and, for the whole log, signed checkpoints).' })
export class IntegrityReportType {
  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => String, { nullable: true, description: 'Global position (decimal) of the first event found altered, missing or moved.' })
  firstInvalidPosition!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int, { description: 'Checkpoints whose signature and root were checked.' })
  checkpointsChecked!: number;
}

@ObjectType('IntegrityCheck', { description: 'The whole-log verification of this server: the run going on (with its progress) and the last one finished.' })
export class IntegrityCheckType {
  @Field(() => Boolean)
  running!: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 8601: when the running check began.' })
  startedAt!: string | null;

  @Field(() => Int, { description: 'Events checked so far by the running check.' })
  checkedEvents!: number;

  @Field(() => Int, { nullable: true, description: 'About how many events the log held when the check began; null when unknown.' })
  totalEvents!: number | null;

  @Field(() => IntegrityReportType, { nullable: true, description: 'The outcome of the last check finished on this server since it started.' })
  lastReport!: IntegrityReportType | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601: when the last check finished.' })
  lastFinishedAt!: string | null;
}

@ObjectType('AuditCheckpoint', { description: 'A signed checkpoint: the Merkle root (RFC 9162) of the first treeSize events.' })
export class AuditCheckpointType {
  @Field(() => Int)
  treeSize!: number;

  @Field(() => String)
  rootHash!: string;

  @Field(() => String, { description: 'Global position (decimal) of the last event covered.' })
  position!: string;

  @Field(() => String, { description: 'ISO 8601: when the notary signed it.' })
  time!: string;

  @Field(() => String)
  keyId!: string;

  @Field(() => String)
  algorithm!: string;

  @Field(() => String, { description: 'Ed25519 over the canonical statement, base64.' })
  signature!: string;
}

export const AuditCheckpointConnection = Connection(AuditCheckpointType, 'AuditCheckpoint');

@ArgsType()
export class AuditCheckpointsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Newest first (the latest checkpoint on the first page); oldest first by default.' })
  newestFirst!: boolean;
}

@ObjectType('InclusionProof', { description: 'RFC 6962 audit path of one event in a signed checkpoint.' })
export class InclusionProofType {
  @Field(() => ID)
  eventId!: string;

  @Field(() => String)
  position!: string;

  @Field(() => Int)
  leafIndex!: number;

  @Field(() => String)
  leafHash!: string;

  @Field(() => Int)
  treeSize!: number;

  @Field(() => String)
  rootHash!: string;

  @Field(() => [String])
  path!: string[];

  @Field(() => AuditCheckpointType)
  checkpoint!: AuditCheckpointType;
}

@ObjectType('ConsistencyProof', { description: 'RFC 6962 proof that the tree of toSize events extends the tree of fromSize events.' })
export class ConsistencyProofType {
  @Field(() => Int)
  fromSize!: number;

  @Field(() => Int)
  toSize!: number;

  @Field(() => String)
  fromRoot!: string;

  @Field(() => String)
  toRoot!: string;

  @Field(() => [String])
  path!: string[];
}

@ObjectType('AuditActor')
export class AuditActorType {
  @Field(() => String, { nullable: true })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  organizationId!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

@ObjectType('AuditEntry', { description: 'One event of the log, as an auditor reads it.' })
export class AuditEntryType {
  @Field(() => String, { description: 'Global position (decimal).' })
  position!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => String, { description: 'ISO 8601: when it happened (the command path’s clock).' })
  occurredAt!: string;

  @Field(() => String, { description: 'ISO 8601: when the store recorded it.' })
  recordedAt!: string;

  @Field(() => String)
  streamId!: string;

  @Field(() => String, { description: 'Revision within the stream (decimal).' })
  revision!: string;

  @Field(() => String)
  aggregateType!: string;

  @Field(() => String)
  aggregateId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => AuditActorType)
  actor!: AuditActorType;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;

  @Field(() => String, { nullable: true })
  causationId!: string | null;

  @Field(() => String, { nullable: true, description: 'The command that produced it.' })
  command!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation the event is about, when it names one.' })
  aboutOrganizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'The event’s hash in its stream’s chain.' })
  hash!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'RESTRICTED or ERASED when the event belongs to a person whose personal data was restricted or erased (forgetPerson): ' +
      'the trail never holds personal data in the clear, and after an erasure not even its sealed text ("erased").',
  })
  personalData!: string | null;
}

export const AuditEntryConnection = Connection(AuditEntryType, 'AuditEntry');

@InputType('AuditTrailFilter')
export class AuditTrailFilterInput {
  @Field(() => String, { nullable: true })
  streamId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. organization, meeting' })
  aggregateType?: string;

  @Field(() => String, { nullable: true })
  aggregateId?: string;

  @Field(() => String, { nullable: true, description: 'The organisation the actor acted for.' })
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'The organisation the event is about (its organizationId, or its organisation stream).' })
  aboutOrganizationId?: string;

  @Field(() => String, { nullable: true, description: 'The acting user.' })
  actorUserId?: string;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[];

  @Field(() => String, { nullable: true, description: 'ISO 8601, inclusive, on occurredAt.' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601, exclusive, on occurredAt.' })
  to?: string;

  @Field(() => String, { nullable: true })
  correlationId?: string;
}

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => AuditTrailFilterInput, { nullable: true })
  filter?: AuditTrailFilterInput;
}
