import { CommandHandler } from '@nestjs/cqrs';
import { KomCommand } from '@kom/platform';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { ActingForHandler, type ActingForRequest } from './agreement-command-path';

export class SignAgreementCommand extends KomCommand<ActingForRequest<'SignAgreement'>, AgreementEvent, AgreementState> {}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler extends ActingForHandler<SignAgreementCommand> {}
