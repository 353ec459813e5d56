import type { BoundedContext } from '@kom/platform';
import { agreementEventSchemas } from './domain/agreement.events';
import { agreementsProjection } from './read-models/agreements.projection';

export const agreementsContext: BoundedContext = {
  name: 'agreements',
  eventSchemas: agreementEventSchemas,
  projections: [agreementsProjection],
};
