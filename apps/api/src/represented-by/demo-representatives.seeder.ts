import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, REPRESENTATIVE_REGISTER, SYSTEM_ACTOR, type RepresentativeRegister } from '@kom/kernel';
import { EMBEDDED_PEOPLE } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { AddRepresentativeCommand, LinkRepresentativeIdentityCommand, OrganizationsQueries, identityStream } from '@kom/organizations';
import type { CommandMeta } from '@kom/platform';


/**
 * Embedded mode only: the demo people (not the auditor) become registered representatives of their
 * organisations, linked to their identities, so that they can sign agreements as the web app's
 * journeys show. Idempotent: fixed representative ids; a demo identity that was ever linked is left as
 * it is (a link the secretariat undid is not put back), and a refusal is logged, not a failed start.
 */
@Injectable()
export class DemoRepresentativesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoRepresentativesSeeder');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(REPRESENTATIVE_REGISTER) private readonly register: RepresentativeRegister,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let linked = 0;
    for (const person of EMBEDDED_PEOPLE) {
      if (person.role === 'AUDITOR' || !this.organizations.byId(person.organizationId)) continue;
      // Linked once (whatever the secretariat did since, e.g. unlinked it): not put back on a later start.
      if ((await this.register.representativeOf(person)) || (await this.store.streamRevision(identityStream(person.userId))) !== undefined) continue;
      const representativeId = `demo-rep-${person.userId}`;
      const meta = (step: string): CommandMeta => ({ actor: SYSTEM_ACTOR, correlationId: 'seed:demo-representatives', causationId: `seed:${step}:${person.userId}` });
      const email = `${person.displayName.toLowerCase().replace(/\s+/g, '.')}@example.org`;
      const done = (step: Promise<unknown>) => leaveAsItIs(step, (reason) => this.logger.log({ msg: 'Demo representative left as it is', userId: person.userId, reason }));
      await done(this.commands.execute(new AddRepresentativeCommand({ type: 'AddRepresentative', representativeId, organizationId: person.organizationId, name: person.displayName, email }, meta('demo-representative'))));
      await done(
        this.commands.execute(
          new LinkRepresentativeIdentityCommand({ type: 'LinkRepresentativeIdentity', subject: person.userId, representativeId, organizationId: person.organizationId }, meta('demo-identity')),
        ),
      );
      linked++;
    }
    if (linked > 0) this.logger.log({ msg: 'Linked the demo people to representatives', people: linked });
  }
}

/** A refusal (already added or linked on an earlier start or by another replica, or changed since) is no failure to start. */
async function leaveAsItIs(step: Promise<unknown>, log: (reason: string) => void): Promise<void> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log(error.reason);
  }
}
