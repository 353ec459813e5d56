import { defaultPlanRefs, defineUpcaster } from '@kom/kernel';
import {
  AgendaItemAdded,
  AgendaItemAddedV1,
  AgendaItemUpdated,
  AgendaItemUpdatedV1,
  DecisionRecorded,
  DecisionRecordedV1,
  KOM_TIME_ZONE,
  MeetingScheduled,
  MeetingScheduledV1,
} from './meeting.events';

/** Every meeting scheduled before v2 was in Norway: it reads as told in Europe/Oslo. */
export const meetingScheduledV1ToV2 = defineUpcaster(MeetingScheduledV1, MeetingScheduled, (data) => ({ ...data, timeZone: KOM_TIME_ZONE }));

/* Every measure cited before v2 was a number of the 2011–2014 plan. */
export const agendaItemAddedV1ToV2 = defineUpcaster(AgendaItemAddedV1, AgendaItemAdded, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));
export const agendaItemUpdatedV1ToV2 = defineUpcaster(AgendaItemUpdatedV1, AgendaItemUpdated, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));
export const decisionRecordedV1ToV2 = defineUpcaster(DecisionRecordedV1, DecisionRecorded, (data) => ({ ...data, citedMeasures: defaultPlanRefs(data.citedMeasures) }));

export const meetingUpcasters = [meetingScheduledV1ToV2, agendaItemAddedV1ToV2, agendaItemUpdatedV1ToV2, decisionRecordedV1ToV2];
