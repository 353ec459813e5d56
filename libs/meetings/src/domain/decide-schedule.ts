import { InvalidInput, InvalidState, type Actor } from '@kom/kernel';
import { KOM_TIME_ZONE, MEETING_KINDS, type MeetingEvent } from './meeting.events';
import type { Meeting, MeetingState } from './meeting.state';
import { type Cmd, MAX_CANCEL_REASON, MAX_LOCATION, MAX_VIDEO_LINK, instant, optionalText, requireId, requiredText, requiredTitle } from './meeting-rules';

/** Scheduling, moving and cancelling a meeting (specs: meeting.decider.spec.ts). */
export function scheduleMeeting(c: Cmd<'ScheduleMeeting'>, state: MeetingState, now: Date, actor: Actor): MeetingEvent[] {
  if (state.status !== 'none') {
    // A series re-run schedules the same (seriesId, seriesIndex) again: nothing to do.
    if (c.seriesId != null && state.seriesId === c.seriesId && state.seriesIndex === (c.seriesIndex ?? null)) return [];
    throw new InvalidState('MEETING_ALREADY_SCHEDULED', `Meeting ${c.meetingId} is already scheduled`);
  }
  requireId(c.meetingId, 'meetingId');
  if (!(MEETING_KINDS as readonly string[]).includes(c.kind)) {
    throw new InvalidInput('UNKNOWN_MEETING_KIND', `A meeting is one of ${MEETING_KINDS.join(', ')}`);
  }
  const title = requiredTitle(c.title);
  const times = meetingTimes(c.startsAt, c.endsAt, now, actor);
  const place = meetingPlace(c.location ?? null, c.videoLink ?? null);
  const seriesId = c.seriesId ?? null;
  const seriesIndex = c.seriesIndex ?? null;
  if ((seriesId === null) !== (seriesIndex === null) || (seriesIndex !== null && !(Number.isInteger(seriesIndex) && seriesIndex >= 0))) {
    throw new InvalidInput('INVALID_SERIES', 'A meeting of a series names both the series and its 0-based place in it');
  }
  if (seriesId !== null) requireId(seriesId, 'seriesId');
  return [
    {
      type: 'MeetingScheduled',
      data: { meetingId: c.meetingId, kind: c.kind, title, ...times, ...place, seriesId, seriesIndex, timeZone: KOM_TIME_ZONE },
    },
  ];
}

export function rescheduleMeeting(c: Cmd<'RescheduleMeeting'>, m: Meeting, now: Date, actor: Actor): MeetingEvent[] {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'A held meeting cannot be rescheduled');
  const times = meetingTimes(c.startsAt, c.endsAt, now, actor);
  // An omitted place keeps the current one; null clears it.
  const place = meetingPlace(
    c.location === undefined ? m.location : c.location,
    c.videoLink === undefined ? m.videoLink : c.videoLink,
  );
  if (times.startsAt === m.startsAt && times.endsAt === m.endsAt && place.location === m.location && place.videoLink === m.videoLink) {
    return [];
  }
  return [{ type: 'MeetingRescheduled', data: { meetingId: m.meetingId, ...times, ...place } }];
}

export function cancelMeeting(c: Cmd<'CancelMeeting'>, m: Meeting): MeetingEvent[] {
  if (m.status === 'HELD') throw new InvalidState('MEETING_ALREADY_HELD', 'A held meeting cannot be cancelled');
  const reason = requiredText(c.reason, MAX_CANCEL_REASON, 'reason', 'REASON_REQUIRED');
  return [{ type: 'MeetingCancelled', data: { meetingId: m.meetingId, reason } }];
}

export function meetingTimes(startsAtRaw: string, endsAtRaw: string, now: Date, actor: Actor): { startsAt: string; endsAt: string } {
  const startsAt = instant(startsAtRaw, 'startsAt');
  const endsAt = instant(endsAtRaw, 'endsAt');
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new InvalidInput('END_NOT_AFTER_START', 'A meeting ends after it starts');
  }
  // People plan meetings ahead; the platform itself may backfill meetings that already took place.
  if (actor.role !== 'SYSTEM' && Date.parse(startsAt) < now.getTime()) {
    throw new InvalidInput('MEETING_IN_THE_PAST', 'A meeting cannot be scheduled to start in the past');
  }
  return { startsAt, endsAt };
}

export function meetingPlace(locationRaw: string | null, videoLinkRaw: string | null): { location: string | null; videoLink: string | null } {
  const location = optionalText(locationRaw, MAX_LOCATION, 'location', 'LOCATION_TOO_LONG');
  const videoLink = optionalText(videoLinkRaw, MAX_VIDEO_LINK, 'videoLink', 'VIDEO_LINK_TOO_LONG');
  if (location === null && videoLink === null) {
    throw new InvalidInput('PLACE_REQUIRED', 'A meeting needs a location, a video link, or both');
  }
  if (videoLink !== null && !/^https?:\/\/\S+$/i.test(videoLink)) {
    throw new InvalidInput('VIDEO_LINK_NOT_A_URL', 'A video link is an http(s) address');
  }
  return { location, videoLink };
}
