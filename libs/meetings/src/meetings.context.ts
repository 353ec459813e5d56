import type { BoundedContext } from '@kom/platform';
import { meetingEventSchemas } from './domain/meeting.events';

export const meetingsContext: BoundedContext = {
  name: 'meetings',
  eventSchemas: meetingEventSchemas,
  projections: [],
};
