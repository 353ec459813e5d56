import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { CHECKPOINT_EVENT_TYPE } from './audit-log-format';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** A signed checkpoint of the Merkle tree over the log (see audit-log-format.ts). */
export const AuditCheckpointRecorded = defineEvent(
  CHECKPOINT_EVENT_TYPE,
  1,
  z.object({
    treeSize: z.number().int().min(1),
    rootHash: hex64,
    position: z.string().regex(/^\d+$/),
    time: z.string(),
    keyId: hex64,
    algorithm: z.literal('Ed25519'),
    signature: z.string().min(1),
  }),
);

export const auditEventSchemas = [AuditCheckpointRecorded];
