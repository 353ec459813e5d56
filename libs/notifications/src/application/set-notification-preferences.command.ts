import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { preferencesDecider, preferencesStream, type PreferencesCommand } from '../domain/preferences.decider';

/**
 * Preferences for the acting person: the stream is named from the actor, never from input. The
 * resolver builds the command with the actor's ids in `for`, the handler's stream follows them.
 */
export class SetPreferencesCommand extends KomCommand<PreferencesCommand & { for: { organizationId: string; userId: string } }> {}
@CommandHandler(SetPreferencesCommand)
export class SetPreferencesHandler extends DeciderHandler(preferencesDecider, (c: PreferencesCommand & { for: { organizationId: string; userId: string } }) =>
  preferencesStream(c.for.organizationId, c.for.userId),
) {}
