import type { BoundedContext } from '@kom/platform';
import { organizationsContext } from '@kom/organizations';
import { meetingsContext } from '@kom/meetings';

/** Every bounded context of the platform: their events, their read models. */
export const CONTEXTS: readonly BoundedContext[] = [organizationsContext, meetingsContext];
