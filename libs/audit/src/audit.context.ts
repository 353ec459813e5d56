import { auditInstant, SensitiveReadRecorded, type BoundedContext, type SensitiveReadData } from '@kom/platform';
import { auditEventSchemas } from './checkpoints/checkpoint.events';
import type { CheckpointData } from './checkpoints/audit-log-format';
import type { KeyRotationData } from './checkpoints/key-rotation';
import { auditLeavesProjection } from './read-models/audit-leaves.projection';
import { auditTrailProjection } from './read-models/audit-trail.projection';

/** A user's role as a summary names it (a token's role, not an organisation's). */
const USER_ROLES = {
  SECRETARIAT: { nb: 'Sekretariatsmedarbeider', en: 'Secretariat member' },
  AGENCY_MEMBER: { nb: 'Etatsmedlem', en: 'Agency member' },
  NGO_REPRESENTATIVE: { nb: 'Representant', en: 'Representative' },
  AUDITOR: { nb: 'Revisor', en: 'Auditor' },
} as const;

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
      const role = USER_ROLES[actor.role as keyof typeof USER_ROLES];
      const who = (lang: 'nb' | 'en') => `${role?.[lang] ?? actor.role ?? '?'} ${actor.userId ?? '?'} (${actor.organizationId ?? '?'})`;
      const ids = d.ids.length > 0 ? ` ${d.ids.join(', ')}` : '';
      const range = (lang: 'nb' | 'en') => (d.range ? ` ${auditInstant(d.range.from, lang)}–${auditInstant(d.range.to, lang)}` : '');
      const format = d.format ? ` (${d.format})` : '';
      const what = {
        EVIDENCE_BUNDLE: { nb: 'hentet en bevispakke', en: 'downloaded an evidence bundle' },
        DECISION_HISTORY: { nb: 'leste historikken til vedtak', en: 'read the history of decision' },
        ERASED_REPRESENTATIVE: { nb: 'slo opp en slettet representant', en: 'looked up an erased representative' },
        DECISION_REGISTER: { nb: 'eksporterte vedtaksregisteret', en: 'exported the decision register' },
      }[d.read];
      return { nb: `${who('nb')} ${what.nb}${ids}${range('nb')}${format}.`, en: `${who('en')} ${what.en}${ids}${range('en')}${format}.` };
    },
    AuditKeyRotated: ({ data }) => {
      const d = data as KeyRotationData;
      return {
        nb: `Revisjonsnøkkelen ble byttet: ${d.previousKeyId.slice(0, 16)}… ble pensjonert og ${d.nextKeyId.slice(0, 16)}… signerer fra ${auditInstant(d.rotatedAt, 'nb')} (signert av den gamle nøkkelen).`,
        en: `The audit key was rotated: ${d.previousKeyId.slice(0, 16)}… was retired and ${d.nextKeyId.slice(0, 16)}… signs from ${auditInstant(d.rotatedAt, 'en')} (signed by the old key).`,
      };
    },
  },
};
