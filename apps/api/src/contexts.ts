import type { BoundedContext } from '@kom/platform';
import { organizationsContext } from '@kom/organizations';

/** Every bounded context of the platform: their events, their read models. */
export const CONTEXTS: readonly BoundedContext[] = [organizationsContext];
