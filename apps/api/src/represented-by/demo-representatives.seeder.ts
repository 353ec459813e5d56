import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, REPRESENTATIVE_REGISTER, SYSTEM_ACTOR, type RepresentativeRegister } from '@kom/kernel';
import { EMBEDDED_PEOPLE } from '@kom/auth';
import { AddRepresentativeCommand, LinkRepresentativeIdentityCommand, OrganizationsQueries } from '@kom/organizations';
import type { CommandMeta } from '@kom/platform';

/** Already there (a second start, another replica): nothing to do. */
const DONE = new Set(['REPRESENTATIVE_ALREADY_ADDED', 'IDENTITY_ALREADY_LINKED']);

/**
 * Embedded mode only: the demo people (not the auditor) become registered representatives of their
 * organisations, linked to their identities, so that they can sign agreements as the web app's
 * journeys show. Idempotent: fixed representative ids, and whatever exists is left as it is.
 */
@Injectable()
export class DemoRepresentativesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoRepresentativesSeeder');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(REPRESENTATIVE_REGISTER) private readonly register: RepresentativeRegister,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let linked = 0;
    for (const person of EMBEDDED_PEOPLE) {
      if (person.role === 'AUDITOR' || !this.organizations.byId(person.organizationId)) continue;
      if (await this.register.representativeOf(person)) continue;
      const representativeId = `demo-rep-${person.userId}`;
      const meta = (step: string): CommandMeta => ({ actor: SYSTEM_ACTOR, correlationId: 'seed:demo-representatives', causationId: `seed:${step}:${person.userId}` });
      const email = `${person.displayName.toLowerCase().replace(/\s+/g, '.')}@example.org`;
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

async function done(step: Promise<unknown>): Promise<void> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof DomainError && DONE.has(error.reason))) throw error;
  }
}
