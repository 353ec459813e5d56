import { Injectable } from '@nestjs/common';
import type { CommandMeta, CommandOutcome } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingState } from '../domain/meeting.decider';
import type { MeetingEvent } from '../domain/meeting.events';

export type AddSourcedAgendaItem = Extract<MeetingCommand, { type: 'AddAgendaItem' }> & { readonly sourceIssueId: string };

/** A decision on an agenda item made from an issue, with that issue's id. */
export type RecordSourcedDecision = Extract<MeetingCommand, { type: 'RecordDecision' }> & { readonly sourceIssueId: string };

/**
 * An agenda item that comes from an issue exists only together with the issue's placement on that
 * agenda, and a decision on it only together with the issue's step it takes. The meetings context
 * knows nothing of issues, so the context that owns them binds this port; it writes the meeting's
 * part and the issue's in one atomic write, or refuses both.
 */
export interface SourcedAgendaItems {
  /** Adds the item and places the issue on it. The meeting's part of the outcome, as the plain command path reports it. */
  add(command: AddSourcedAgendaItem, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>>;
  /**
   * Records the decision and moves the issue on by it (forwarded at a reference-group meeting,
   * resolved at a project-group or joint one), superseding the decision it names in
   * `supersedes` (held by `supersededMeetingId`) in the same write. Refused with the issue's reason
   * first. The meeting's part of the outcome.
   */
  recordDecision(command: RecordSourcedDecision, supersededMeetingId: string | undefined, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>>;
}

/** Where the issues context plugs in SourcedAgendaItems once it is up (it builds on this context). */
@Injectable()
export class SourcedAgendaItemsSlot {
  private bound: SourcedAgendaItems | undefined;

  bind(implementation: SourcedAgendaItems): void {
    this.bound = implementation;
  }

  get current(): SourcedAgendaItems | undefined {
    return this.bound;
  }
}
