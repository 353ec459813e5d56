import type { EventSchema } from '@kom/kernel';
import type { Projection } from '@kom/projections';

/** What a bounded context contributes to the platform: its event types and its read models. */
export interface BoundedContext {
  readonly name: string;
  readonly eventSchemas: readonly EventSchema[];
  readonly projections: readonly Projection[];
}
