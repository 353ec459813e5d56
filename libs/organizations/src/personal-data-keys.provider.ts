import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { KOM_CONFIG, PERSONAL_DATA_KEYS, SHARED_STATE, createPersonalDataKeys, type KomConfig, type PersonalDataKeys, type SharedStatePostgres } from '@kom/platform';
import { RepresentativesQueries } from './read-models/representatives.queries';

/** The key table of representatives' personal data: the shared PostgreSQL table, or the SQLite file the configuration names. */
export const personalDataKeysProvider: Provider = {
  provide: PERSONAL_DATA_KEYS,
  inject: [KOM_CONFIG, SHARED_STATE],
  useFactory: (config: KomConfig, shared: SharedStatePostgres | null) => createPersonalDataKeys(config, shared),
};

/**
 * On start, shreds the key of every person the read model shows as erased (a crash between
 * recording an erasure and shredding its key leaves one behind); on shutdown, closes the table.
 */
@Injectable()
export class PersonalDataKeysLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PersonalDataKeys');

  constructor(
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
    @Inject(RepresentativesQueries) private readonly representatives: RepresentativesQueries,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const shredded: string[] = [];
    for (const id of this.representatives.erasedIds()) if (await this.keys.shred(id)) shredded.push(id);
    if (shredded.length > 0) this.logger.warn({ msg: 'Shredded data keys of erased persons left behind', count: shredded.length });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
