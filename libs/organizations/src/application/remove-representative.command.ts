import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { representativeDecider, representativeStream, type RepresentativeCommand, type RepresentativeState } from '../domain/representative.decider';
import type { RepresentativeEvent } from '../domain/representative.events';

type Remove = Extract<RepresentativeCommand, { type: 'RemoveRepresentative' }>;

export class RemoveRepresentativeCommand extends KomCommand<Remove, RepresentativeEvent, RepresentativeState> {}

@CommandHandler(RemoveRepresentativeCommand)
export class RemoveRepresentativeHandler extends DeciderHandler(representativeDecider, (c: Remove) => representativeStream(c.representativeId)) {}
