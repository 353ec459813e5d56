import type { DecisionContext } from '@kom/kernel';
import type { DecisionsOf, StatesOf, StreamToDecide } from '@kom/platform';
import { organizationNameDecider, organizationNameStream, type OrganizationNameState } from '../domain/organization-name.decider';
import { cleanName, organizationDecider, organizationStream, type OrganizationCommand, type OrganizationState } from '../domain/organization.decider';

/*
 * Registering and renaming an organisation take its name: the organisation's stream and the name's
 * claim stream (organization-name.decider.ts) are decided together and written in one atomic
 * append, each at the revision it was decided on. Two organisations taking look-alike names at once
 * both append to the same claim stream: one wins, the other is decided again and refused
 * (ORGANIZATION_NAME_TAKEN). A rename releases the old name's claim in the same append.
 *
 * Names recorded before claims existed hold no claim stream; the handlers pass the organisations
 * the register's read model lists under the key (`heldBy`). That check cannot let a duplicate in:
 * such a name only ever leaves the read model (a rename, which claims its new name), and every name
 * given since then is claimed. A stale read model can only refuse, never admit.
 */

type Register = Extract<OrganizationCommand, { type: 'RegisterOrganization' }>;
type Rename = Extract<OrganizationCommand, { type: 'RenameOrganization' }>;

// The organisation's stream comes last: streams are appended in key order, so its event is the
// step's last, at the position a client waits for (and a RECORDED_NOT_VISIBLE names).
export type RegisterStreams = {
  name: StreamToDecide<OrganizationNameState>;
  organization: StreamToDecide<OrganizationState>;
};

export type RenameStreams = {
  name: StreamToDecide<OrganizationNameState>;
  formerName?: StreamToDecide<OrganizationNameState>;
  organization: StreamToDecide<OrganizationState>;
};

/**
 * The claim stream a raw name goes to: the key of the name as it will be stored. A name the decider
 * refuses is refused before any append, so for it any stream does.
 */
export function nameClaimStream(rawName: string): string {
  let name = rawName;
  try {
    name = cleanName(rawName);
  } catch {
    // Refused by the decider, which runs first in the step: nothing is appended.
  }
  return organizationNameStream(name);
}

export const organizationStreamOf = (organizationId: string): StreamToDecide<OrganizationState> => ({
  streamId: organizationStream(organizationId),
  decider: organizationDecider,
});

const nameStreamOf = (streamId: string): StreamToDecide<OrganizationNameState> => ({ streamId, decider: organizationNameDecider });

export function registerStreams(command: Register): RegisterStreams {
  return { name: nameStreamOf(nameClaimStream(command.name)), organization: organizationStreamOf(command.organizationId) };
}

/** The organisation's stream, the new name's claim and, when its key differs, the current name's (to release). */
export function renameStreams(command: Rename, currentName: string | undefined): RenameStreams {
  const name = nameStreamOf(nameClaimStream(command.name));
  const former = currentName === undefined ? undefined : organizationNameStream(currentName);
  return {
    name,
    ...(former !== undefined && former !== name.streamId ? { formerName: nameStreamOf(former) } : {}),
    organization: organizationStreamOf(command.organizationId),
  };
}

/** RegisterOrganization on the organisation's stream and its name's claim, decided together. */
export function registerOrganization(states: StatesOf<RegisterStreams>, command: Register, heldBy: readonly string[], context: DecisionContext): DecisionsOf<RegisterStreams> {
  const events = organizationDecider.decide(command, states.organization, context);
  const registered = events.find((e) => e.type === 'OrganizationRegistered');
  if (!registered) return { organization: { command: command.type, events } };
  const claim = organizationNameDecider.decide(
    { type: 'ClaimOrganizationName', organizationId: command.organizationId, name: registered.data.name, heldBy },
    states.name,
    context,
  );
  return { name: { command: command.type, events: claim }, organization: { command: command.type, events } };
}

/** The rename was decided on streams chosen for another current name: the caller chooses again. */
export class CurrentNameMoved extends Error {
  constructor(readonly currentName: string | undefined) {
    super('The organisation was renamed meanwhile; decide on its current name');
  }
}

/**
 * RenameOrganization on the organisation's stream, the new name's claim and the former name's
 * release. `streams` were chosen for the name the organisation had when the step began; when it
 * has another by now, CurrentNameMoved (nothing is appended).
 */
export function renameOrganization(
  streams: RenameStreams,
  states: StatesOf<RenameStreams>,
  command: Rename,
  heldBy: readonly string[],
  context: DecisionContext,
): DecisionsOf<RenameStreams> {
  const organization = states.organization;
  const currentName = organization.status === 'none' ? undefined : organization.name;
  const current = currentName === undefined ? undefined : organizationNameStream(currentName);
  const chosen = streams.formerName?.streamId ?? streams.name.streamId;
  if (current !== undefined && current !== chosen) throw new CurrentNameMoved(currentName);
  const events = organizationDecider.decide(command, organization, context);
  const renamed = events.find((e) => e.type === 'OrganizationRenamed');
  // Only the short name changed: the organisation keeps the name it has, claimed or from before claims.
  if (!renamed || currentName === undefined || renamed.data.name === currentName) return { organization: { command: command.type, events } };
  const claim = organizationNameDecider.decide(
    { type: 'ClaimOrganizationName', organizationId: command.organizationId, name: renamed.data.name, heldBy },
    states.name,
    context,
  );
  // An optional stream folds to `unknown` in StatesOf; when it is there it is a claim stream.
  const formerName = states.formerName as OrganizationNameState | undefined;
  const release =
    formerName === undefined
      ? []
      : organizationNameDecider.decide({ type: 'ReleaseOrganizationName', organizationId: command.organizationId, name: currentName }, formerName, context);
  return {
    name: { command: command.type, events: claim },
    ...(streams.formerName ? { formerName: { command: command.type, events: release } } : {}),
    organization: { command: command.type, events },
  };
}

