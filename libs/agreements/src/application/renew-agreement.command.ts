import { CommandHandler } from '@nestjs/cqrs';
import { KomCommand } from '@kom/platform';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { ActingForHandler, type ActingForRequest } from './agreement-command-path';

export class RenewAgreementCommand extends KomCommand<ActingForRequest<'RenewAgreement'>, AgreementEvent, AgreementState> {}

@CommandHandler(RenewAgreementCommand)
export class RenewAgreementHandler extends ActingForHandler<RenewAgreementCommand> {}
