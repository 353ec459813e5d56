import { defineUpcaster } from '@kom/kernel';
import { KOM_TIME_ZONE, MeetingScheduled, MeetingScheduledV1 } from './meeting.events';

/** Every meeting scheduled before v2 was in Norway: it reads as told in Europe/Oslo. */
export const meetingScheduledV1ToV2 = defineUpcaster(MeetingScheduledV1, MeetingScheduled, (data) => ({ ...data, timeZone: KOM_TIME_ZONE }));

export const meetingUpcasters = [meetingScheduledV1ToV2];
