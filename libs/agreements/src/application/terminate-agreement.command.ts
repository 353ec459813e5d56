import { CommandHandler } from '@nestjs/cqrs';
import { KomCommand } from '@kom/platform';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { ActingForHandler, type ActingForRequest } from './agreement-command-path';

export class TerminateAgreementCommand extends KomCommand<ActingForRequest<'TerminateAgreement'>, AgreementEvent, AgreementState> {}

@CommandHandler(TerminateAgreementCommand)
export class TerminateAgreementHandler extends ActingForHandler<TerminateAgreementCommand> {}
