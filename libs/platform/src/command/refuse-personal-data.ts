import { refusePersonalData, type Actor, type DomainCommand, type DomainEvent } from '@kom/kernel';

/**
 * The one place the national-ID guard runs for everything that is appended through the command
 * path: every string in the command (as `input.<field>`, the way a client sent it) and in the
 * metadata that goes into the signed envelope (actor, correlation and causation ids). Whatever a
 * client, a reactor, an import or a seeder sends, nothing reaches the log unchecked.
 */
export function refusePersonalDataInCommand(
  command: DomainCommand,
  meta: { readonly actor: Actor; readonly correlationId: string; readonly causationId?: string },
): void {
  const { type: _type, ...input } = command;
  refusePersonalData({
    input,
    'metadata.actor': meta.actor,
    'metadata.correlationId': meta.correlationId,
    'metadata.causationId': meta.causationId,
  });
}

/** The events a decider made from the command, checked once more just before they are appended. */
export function refusePersonalDataInEvents(events: readonly DomainEvent[]): void {
  refusePersonalData(Object.fromEntries(events.map((event, index) => [`events[${index}].${event.type}`, event.data])));
}
