import { SensitiveReadRecorded, type BoundedContext, type SensitiveReadData } from '@kom/platform';
import { auditEventSchemas } from './checkpoints/checkpoint.events';
import type { CheckpointData } from './checkpoints/audit-log-format';
import type { KeyRotationData } from './checkpoints/key-rotation';
import { auditLeavesProjection } from './read-models/audit-leaves.projection';
import { auditTrailProjection } from './read-models/audit-trail.projection';

/** The audit context: the checkpoint event, the audit trail and the notary's leaves (read models like any other). */
export const auditContext: BoundedContext = {
  name: 'audit',
  eventSchemas: [...auditEventSchemas, SensitiveReadRecorded],
  projections: [auditTrailProjection, auditLeavesProjection],
  auditSummaries: {
    AuditCheckpointRecorded: ({ data }) => {
      const d = data as CheckpointData;
      return {
        nb: `Notaren signerte et kontrollpunkt over de ${d.treeSize} første hendelsene i loggen (rot ${d.rootHash.slice(0, 12)}…).`,
        en: `The notary signed a checkpoint over the first ${d.treeSize} events of the log (root ${d.rootHash.slice(0, 12)}…).`,
      };
    },
    SensitiveReadRecorded: ({ data, actor }) => {
      const d = data as SensitiveReadData;
      const who = `${actor.role ?? '?'} ${actor.userId ?? '?'} (${actor.organizationId ?? '?'})`;
      const ids = d.ids.length > 0 ? ` ${d.ids.join(', ')}` : '';
      const range = d.range ? ` ${d.range.from}–${d.range.to}` : '';
      const format = d.format ? ` (${d.format})` : '';
      const what = {
        EVIDENCE_BUNDLE: { nb: 'hentet en bevispakke', en: 'downloaded an evidence bundle' },
        DECISION_HISTORY: { nb: 'leste historikken til vedtak', en: 'read the history of decision' },
        ERASED_REPRESENTATIVE: { nb: 'slo opp en slettet representant', en: 'looked up an erased representative' },
        DECISION_REGISTER: { nb: 'eksporterte vedtaksregisteret', en: 'exported the decision register' },
      }[d.read];
      return { nb: `${who} ${what.nb}${ids}${range}${format}.`, en: `${who} ${what.en}${ids}${range}${format}.` };
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
