import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR, InvalidState } from '@kom/kernel';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type Position } from '@kom/event-store';
import { CLOCK, EventSchemaRegistry, ProjectionsService, executeAcrossStreams, executeCommand, type Clock, type CommandMeta } from '@kom/platform';
import { groupDecider, groupStream } from '../domain/group.decider';
import { GROUP_KINDS, type GroupEvent, type GroupKind } from '../domain/group.events';
import { organizationDecider, organizationStream } from '../domain/organization.decider';
import { POLICE_DISTRICTS_STREAM, policeDistrictsDecider } from '../domain/police-districts.decider';
import type { PoliceDistrictEvent } from '../domain/police-district.events';
import { mergePoliceDistricts } from '../application/merge-police-districts.command';
import { registerOrganization, registerStreams } from '../application/organization-name-steps';
import { SEED_FROM, SEED_MERGES, SEED_ORGANIZATIONS, type SeedOrganization } from './organizations.seed-data';

/**
 * Records the organisations the action plan names and their memberships, once. Idempotent:
 *  - an organisation whose stream exists is skipped (whatever happened to it since);
 *  - an admission is skipped when the group's stream already mentions the organisation at all, so
 *    an organisation the secretariat later took out of a group is not put back on the next start;
 *  - event ids derive from a fixed causation id per seeded fact (`seed:organization:<id>`), so two
 *    replicas seeding at once append the same events, and the store's idempotent append keeps one.
 * Appends go straight through the command path without waiting for the read models after each one;
 * the seeder waits once, at the end, so the API serves the seeded data from its first request.
 */
@Injectable()
export class OrganizationsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrganizationsSeeder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** The number of events appended (0 when everything was there already). */
  async seed(organizations: readonly SeedOrganization[] = SEED_ORGANIZATIONS): Promise<number> {
    const deps = { store: this.store, clock: this.clock, schemas: this.schemas };
    const meta = (causationId: string): CommandMeta => ({
      actor: SYSTEM_ACTOR,
      correlationId: 'seed:organizations',
      causationId,
      deriveEventIds: true,
    });
    let appended = 0;
    const count = (events: readonly unknown[]) => (appended += events.length);

    await Promise.all(
      organizations.map(async (org) => {
        if ((await this.store.streamRevision(organizationStream(org.id))) !== undefined) return;
        // With its name's claim, as the secretariat registers one (organization-name-steps.ts).
        const command = { type: 'RegisterOrganization' as const, organizationId: org.id, name: org.name, shortName: org.shortName, kind: org.kind, from: org.from ?? SEED_FROM };
        const registered = await ignoreAlreadyDone(
          executeAcrossStreams(deps, registerStreams(command), (states, context) => registerOrganization(states, command, [], context), meta(`seed:organization:${org.id}`)),
        );
        const outcome = registered?.decisions.organization;
        count(outcome?.events ?? []);
        count(registered?.decisions.name?.events ?? []);
        // Roles besides the kind's, in the same stream right after its registration (only for a new stream).
        for (const { role, from } of outcome ? (org.roles ?? []) : []) {
          const granted = await ignoreAlreadyDone(
            executeCommand(
              deps,
              organizationDecider,
              organizationStream(org.id),
              { type: 'GrantOrganizationRole', organizationId: org.id, role, from },
              meta(`seed:organization:${org.id}:role:${role}`),
            ),
          );
          count(granted?.events ?? []);
        }
      }),
    );

    // The register of police districts, then its merges: only when the register's stream is new.
    if ((await this.store.streamRevision(POLICE_DISTRICTS_STREAM)) === undefined) {
      for (const org of organizations) {
        if (!org.policeDistrictFrom) continue;
        const outcome = await ignoreAlreadyDone(executeAcrossStreams(
          deps,
          { register: { streamId: POLICE_DISTRICTS_STREAM, decider: policeDistrictsDecider }, organization: { streamId: organizationStream(org.id), decider: organizationDecider } },
          (states, context) => {
            const organization = states.organization;
            const events = policeDistrictsDecider.decide(
              {
                type: 'RegisterPoliceDistrict',
                organizationId: org.id,
                from: org.policeDistrictFrom!,
                organization: organization.status === 'none' ? null : { name: organization.name, roles: organization.roles },
              },
              states.register,
              context,
            );
            return { register: { command: 'RegisterPoliceDistrict', events } };
          },
          meta(`seed:police-district:${org.id}`),
        ));
        count(outcome?.decisions.register?.events ?? []);
      }
      const seeded = new Set(organizations.map((o) => o.id));
      for (const merge of SEED_MERGES) {
        if (![merge.intoOrganizationId, ...merge.mergedOrganizationIds].every((id) => seeded.has(id))) continue;
        const streams: Record<string, { streamId: string; decider: typeof organizationDecider | typeof policeDistrictsDecider }> = {
          register: { streamId: POLICE_DISTRICTS_STREAM, decider: policeDistrictsDecider },
        };
        for (const id of [merge.intoOrganizationId, ...merge.mergedOrganizationIds]) streams[`organization:${id}`] = { streamId: organizationStream(id), decider: organizationDecider };
        const outcome = await ignoreAlreadyDone(
          executeAcrossStreams(deps, streams, (states, context) => mergePoliceDistricts(states, merge, context), meta(`seed:police-districts-merged:${merge.intoOrganizationId}`)),
        );
        for (const decision of Object.values(outcome?.decisions ?? {})) count((decision?.events ?? []) as readonly PoliceDistrictEvent[]);
      }
    }

    await Promise.all(
      GROUP_KINDS.map(async (groupKind) => {
        const known = await this.organizationsMentionedIn(groupKind);
        for (const org of organizations) {
          for (const membership of org.memberships) {
            if (membership.group !== groupKind || known.has(org.id)) continue;
            const outcome = await ignoreAlreadyDone(
              executeCommand(
                deps,
                groupDecider,
                groupStream(groupKind),
                { type: 'AdmitToGroup', groupKind, organizationId: org.id, organizationKind: org.kind, effectiveFrom: membership.from },
                meta(`seed:group:${groupKind}:${org.id}`),
              ),
            );
            count(outcome?.events ?? []);
          }
        }
      }),
    );

    const head: Position = await this.store.headPosition();
    await this.projections.waitFor(head);
    if (appended > 0) this.logger.log({ msg: 'Seeded organisations and groups', events: appended });
    return appended;
  }

  private async organizationsMentionedIn(groupKind: GroupKind): Promise<Set<string>> {
    try {
      const events = await this.store.readStream(groupStream(groupKind));
      return new Set(events.map((e) => (e.data as GroupEvent['data']).organizationId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return new Set();
      throw error;
    }
  }
}

/** Another replica seeded the same fact first: nothing to do. */
async function ignoreAlreadyDone<T>(outcome: Promise<T>): Promise<T | undefined> {
  try {
    return await outcome;
  } catch (error) {
    if (error instanceof InvalidState && ['ORGANIZATION_ALREADY_REGISTERED', 'ALREADY_A_MEMBER', 'ROLE_ALREADY_HELD', 'ALREADY_A_POLICE_DISTRICT', 'DISTRICT_ALREADY_MERGED'].includes(error.reason)) return undefined;
    throw error;
  }
}
