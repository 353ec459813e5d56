import { upcastersOf, type BoundedContext } from '@kom/platform';
import { agreementsContext } from '@kom/agreements';
import { organizationsContext } from '@kom/organizations';
import { meetingsContext } from '@kom/meetings';
import { measuresContext } from '@kom/measures';
import { auditContext } from '@kom/audit';
import { issuesContext } from '@kom/issues';
import { documentsContext } from '@kom/documents';
import { statusReportsContext } from '@kom/status-reports';
import { notificationsContext } from '@kom/notifications';

/** Every bounded context of the platform: their events, their read models. */
export const CONTEXTS: readonly BoundedContext[] = [organizationsContext, meetingsContext, measuresContext, agreementsContext, auditContext, issuesContext, documentsContext, statusReportsContext, notificationsContext];

/** How events stored at older schema versions read today; every store the platform opens applies them. */
export const UPCASTERS = upcastersOf(CONTEXTS);
