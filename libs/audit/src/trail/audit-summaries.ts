import type { AuditSummaries, AuditSummaryInput, AuditSummaryText, BoundedContext } from '@kom/platform';
import { aggregateOf } from '../read-models/audit-trail.projection';

/** `OrganizationRenamed` → `organization renamed`. */
function words(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function actorText(actor: AuditSummaryInput['actor'], lang: 'nb' | 'en'): string {
  if (!actor.userId) return lang === 'nb' ? 'Systemet' : 'The system';
  const org = actor.organizationId ? (lang === 'nb' ? ` (${actor.organizationId})` : ` (${actor.organizationId})`) : '';
  return `${actor.userId}${org}`;
}

/** What any event says when its context has no summary of its own: who, what type, on which aggregate. */
export function genericSummary(event: AuditSummaryInput): AuditSummaryText {
  const { type, id } = aggregateOf(event.streamId);
  const target = id ? `${type} ${id}` : type;
  return {
    nb: `${actorText(event.actor, 'nb')} registrerte hendelsen «${event.type}» på ${target}.`,
    en: `${actorText(event.actor, 'en')} recorded ${words(event.type)} (${event.type}) on ${target}.`,
  };
}

/**
 * The summaries every context contributed (BoundedContext.auditSummaries), by event type, with the
 * generic one for the rest. A summary that throws (unexpected data) falls back to the generic one.
 */
export class AuditSummaryRegistry {
  private readonly byType = new Map<string, AuditSummaries[string]>();

  constructor(contexts: readonly Pick<BoundedContext, 'auditSummaries'>[]) {
    for (const context of contexts) {
      for (const [type, summary] of Object.entries(context.auditSummaries ?? {})) this.byType.set(type, summary);
    }
  }

  summarise(event: AuditSummaryInput): AuditSummaryText {
    const summary = this.byType.get(event.type);
    if (summary) {
      try {
        return summary(event);
      } catch {
        // fall through to the generic summary
      }
    }
    return genericSummary(event);
  }
}
