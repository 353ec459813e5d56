import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { KOM_CONFIG, PERSONAL_DATA_KEYS, SqlitePersonalDataKeys, type KomConfig, type PersonalDataKeys } from '@kom/platform';
import { RepresentativesQueries } from './read-models/representatives.queries';

/** The key table of representatives' personal data: the SQLite file named by the configuration. */
export const personalDataKeysProvider: Provider = {
  provide: PERSONAL_DATA_KEYS,
  inject: [KOM_CONFIG],
  useFactory: (config: KomConfig) => SqlitePersonalDataKeys.open(config.personalData.keysFile),
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

  onApplicationBootstrap(): void {
    const shredded = this.representatives.erasedIds().filter((id) => this.keys.shred(id));
    if (shredded.length > 0) this.logger.warn({ msg: 'Shredded data keys of erased persons left behind', count: shredded.length });
  }

  onApplicationShutdown(): void {
    if (this.keys instanceof SqlitePersonalDataKeys) this.keys.close();
  }
}
