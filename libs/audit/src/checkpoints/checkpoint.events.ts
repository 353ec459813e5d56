import { z } from 'zod';
import { defineEvent } from '@kom/kernel';
import { CHECKPOINT_EVENT_TYPE } from './audit-log-format';
import { KEY_ROTATION_EVENT_TYPE } from './key-rotation';

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

const pem = z.string().min(1).max(2000);

/** The audit signing key was replaced: signed by the retiring key, naming its successor (see key-rotation.ts). */
export const AuditKeyRotated = defineEvent(
  KEY_ROTATION_EVENT_TYPE,
  1,
  z.object({
    previousKeyId: hex64,
    previousPublicKeyPem: pem,
    nextKeyId: hex64,
    nextPublicKeyPem: pem,
    rotatedAt: z.iso.datetime({ offset: true }),
    algorithm: z.literal('Ed25519'),
    signature: z.string().min(1),
  }),
);

export const auditEventSchemas = [AuditCheckpointRecorded, AuditKeyRotated];
