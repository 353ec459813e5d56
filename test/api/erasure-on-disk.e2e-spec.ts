import { keyTraces } from '@kom/kernel/testing';
import { PERSONAL_DATA_KEYS, type PersonalDataKeys } from '@kom/platform';
import { ok } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * Erasure seen from the disk: once forgetPerson answers, no file in the data directory holds the
 * person's data key in any encoding, while the API still runs (the attack read the key back from
 * personal-data-keys.sqlite-wal and decrypted the name).
 */
describe('erasure leaves no copy of the key on disk', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
  });
  afterAll(async () => {
    await t.stop();
  });

  const add = async (name: string) =>
    ok(await t.gql(`mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`, { input: { organizationId: 'org-rosa', name, email: 'x@rosa.example' } }, secretariat))
      .addRepresentative.id as string;

  it('forgets a person and leaves the key nowhere in the data directory, while running and after', async () => {
    expect(t.config.personalData.keysFile.startsWith(t.config.dataDir)).toBe(true);
    const keys = t.app.get<PersonalDataKeys>(PERSONAL_DATA_KEYS);
    const personId = await add('Kari Nordmann');
    const keptId = await add('Ola Nordmann');
    const key = Buffer.from((await keys.get(personId))!);
    const kept = Buffer.from((await keys.get(keptId))!);
    expect(keyTraces(t.config.dataDir, key)).not.toEqual([]);

    const forgotten = await t.gql(
      `mutation($input: PersonDataInput!) { forgetPerson(input: $input) { id erased } }`,
      { input: { personId, legalBasis: 'GDPR art. 17(1)(a)' } },
      secretariat,
    );
    expect(ok(forgotten).forgetPerson).toEqual({ id: personId, erased: true });
    expect(keyTraces(t.config.dataDir, key)).toEqual([]);
    // The other person's key is untouched: the check above can find a key when there is one.
    expect(await keys.get(keptId)).toEqual(kept);
    expect(keyTraces(t.config.dataDir, kept)).not.toEqual([]);

    await t.stop({ keepData: true });
    expect(keyTraces(t.config.dataDir, key)).toEqual([]);
    t = await TestApp.start({ dataDir: t.config.dataDir });
    expect(keyTraces(t.config.dataDir, key)).toEqual([]);
  });
});
