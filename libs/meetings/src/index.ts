export { meetingsContext } from './meetings.context';
export { MEETING_KINDS, POSITIONS, type MeetingKind, type Position, type MeetingEvent } from './domain/meeting.events';
export type { MeetingCommand, OtherMeeting, BodyMembers } from './domain/meeting.commands';
