import type { BoundedContext } from '@kom/platform';
import { auditEventSchemas } from './checkpoints/checkpoint.events';
import type { CheckpointData } from './checkpoints/audit-log-format';
import type { KeyRotationData } from './checkpoints/key-rotation';
import { auditLeavesProjection } from './read-models/audit-leaves.projection';
import { auditTrailProjection } from './read-models/audit-trail.projection';

/** The audit context: the checkpoint event, the audit trail and the notary's leaves (read models like any other). */
export const auditContext: BoundedContext = {
  name: 'audit',
  eventSchemas: auditEventSchemas,
  projections: [auditTrailProjection, auditLeavesProjection],
  auditSummaries: {
    AuditCheckpointRecorded: ({ data }) => {
      const d = data as CheckpointData;
      return {
        nb: `Notaren signerte et kontrollpunkt over de ${d.treeSize} første hendelsene i loggen (rot ${d.rootHash.slice(0, 12)}…).`,
        en: `The notary signed a checkpoint over the first ${d.treeSize} events of the log (root ${d.rootHash.slice(0, 12)}…).`,
      };
    },
    AuditKeyRotated: ({ data }) => {
      const d = data as KeyRotationData;
      return {
        nb: `Revisjonsnøkkelen ble byttet: ${d.previousKeyId.slice(0, 16)}… ble pensjonert og ${d.nextKeyId.slice(0, 16)}… signerer fra ${d.rotatedAt} (signert av den gamle nøkkelen).`,
        en: `The audit key was rotated: ${d.previousKeyId.slice(0, 16)}… was retired and ${d.nextKeyId.slice(0, 16)}… signs from ${d.rotatedAt} (signed by the old key).`,
      };
    },
  },
};
