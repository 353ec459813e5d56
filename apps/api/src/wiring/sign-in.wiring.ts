import type { DynamicModule } from '@nestjs/common';
import { ORGANIZATION_NAMES, SessionModule, type OrganizationNames } from '@kom/auth';
import { OrganizationsModule, OrganizationsQueries, SEED_ORGANIZATIONS } from '@kom/organizations';
import type { KomConfig } from '@kom/platform';

/** Browser sign-in; organisation names come from the organisations read model (the seed until it is built). */
export function signInModule(config: KomConfig): DynamicModule {
  return SessionModule.forRoot({
    config: config.session,
    production: config.nodeEnv === 'production',
    imports: [OrganizationsModule],
    organizationNames: {
      provide: ORGANIZATION_NAMES,
      inject: [OrganizationsQueries],
      useFactory: (organizations: OrganizationsQueries): OrganizationNames => ({
        nameOf: (id) => organizations.byId(id)?.name ?? SEED_ORGANIZATIONS.find((o) => o.id === id)?.name,
      }),
    },
  });
}
