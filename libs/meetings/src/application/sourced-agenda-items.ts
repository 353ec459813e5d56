import { Injectable } from '@nestjs/common';
import type { CommandMeta, CommandOutcome } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingState } from '../domain/meeting.decider';
import type { MeetingEvent } from '../domain/meeting.events';

export type AddSourcedAgendaItem = Extract<MeetingCommand, { type: 'AddAgendaItem' }> & { readonly sourceIssueId: string };

/**
 * An agenda item that comes from an issue exists only together with the issue's placement on that
 * agenda. The meetings context knows nothing of issues, so the context that owns them binds this
 * port; it adds the item and records the placement in one atomic write, or refuses both.
 */
export interface SourcedAgendaItems {
  /** The meeting's part of the outcome, as the plain command path reports it. */
  add(command: AddSourcedAgendaItem, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>>;
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
