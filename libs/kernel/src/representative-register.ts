import type { Actor } from './actor';

/** A registered representative, as another context records it: ids only, names come from the register. */
export interface RepresentativeRef {
  readonly representativeId: string;
  readonly organizationId: string;
}

/**
 * Who a verified identity is in the register of representatives: the representative its subject is
 * linked to, when that representative is current (not removed, not erased) and of the organisation
 * the token names. Handlers look it up and pass it in the command, so deciders stay pure.
 */
export interface RepresentativeRegister {
  representativeOf(actor: Actor): RepresentativeRef | undefined | Promise<RepresentativeRef | undefined>;
}

export const REPRESENTATIVE_REGISTER = Symbol.for('kom.RepresentativeRegister');
