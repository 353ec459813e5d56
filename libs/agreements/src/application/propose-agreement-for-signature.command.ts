import { CommandHandler } from '@nestjs/cqrs';
import { KomCommand } from '@kom/platform';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { ActingForHandler, type ActingForRequest } from './agreement-command-path';

export class ProposeAgreementForSignatureCommand extends KomCommand<ActingForRequest<'ProposeAgreementForSignature'>, AgreementEvent, AgreementState> {}

@CommandHandler(ProposeAgreementForSignatureCommand)
export class ProposeAgreementForSignatureHandler extends ActingForHandler<ProposeAgreementForSignatureCommand> {}
