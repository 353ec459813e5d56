import { InvalidInput, SYSTEM_ACTOR, nameKeyDigest } from '@kom/kernel';
import { SqliteEventStore, decorateStore, type EventStore, type StreamAppend } from '@kom/event-store';
import { EventSchemaRegistry, ManualClock, executeAcrossStreams, executeCommand, type CommandMeta } from '@kom/platform';
import { organizationsContext } from '../organizations.context';
import { organizationNameStream } from '../domain/organization-name.decider';
import { organizationDecider, organizationStream } from '../domain/organization.decider';
import { CurrentNameMoved, registerOrganization, registerStreams, renameOrganization, renameStreams } from './organization-name-steps';

const schemas = new EventSchemaRegistry(organizationsContext.eventSchemas);
const clock = new ManualClock('2026-05-01T10:00:00Z');
const meta: CommandMeta = { actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' }, correlationId: 'corr-1' };

describe('organisation names across streams: the organisation and its name in one append', () => {
  let raw: EventStore;
  beforeEach(() => {
    raw = SqliteEventStore.open(':memory:');
  });
  afterEach(() => raw.close());

  const register = (organizationId: string, name: string, store: EventStore = raw, heldBy: string[] = []) => {
    const command = { type: 'RegisterOrganization' as const, organizationId, name, kind: 'NGO' as const };
    return executeAcrossStreams({ store, clock, schemas }, registerStreams(command), (states, context) => registerOrganization(states, command, heldBy, context), meta);
  };
  const rename = (organizationId: string, currentName: string, name: string, heldBy: string[] = []) => {
    const command = { type: 'RenameOrganization' as const, organizationId, name };
    const streams = renameStreams(command, currentName);
    return executeAcrossStreams({ store: raw, clock, schemas }, streams, (states, context) => renameOrganization(streams, states, command, heldBy, context), meta);
  };
  const types = async (streamId: string) => (await raw.readStream(streamId).catch(() => [])).map((e) => e.type);
  const refusal = (outcome: Promise<unknown>) => outcome.then(() => undefined, (error: unknown) => error);

  it('records the organisation and its name’s claim together', async () => {
    await register('org-a', 'Nettverket');
    expect(await types(organizationStream('org-a'))).toEqual(['OrganizationRegistered']);
    const [claim] = await raw.readStream(organizationNameStream('Nettverket'));
    expect(claim).toMatchObject({ type: 'OrganizationNameClaimed', data: { nameKey: nameKeyDigest('Nettverket'), organizationId: 'org-a' } });
  });

  it('refuses a look-alike of a name taken, and records nothing of it', async () => {
    await register('org-a', 'Nettverket');
    const refused = await refusal(register('org-b', 'N\u0435ttv\u0435rk\u0435t\u200B')); // Cyrillic е and a zero-width space
    expect(refused).toBeInstanceOf(InvalidInput);
    expect(refused).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN', field: 'name' });
    expect(await types(organizationStream('org-b'))).toEqual([]);
    expect(await types(organizationNameStream('Nettverket'))).toEqual(['OrganizationNameClaimed']);
  });

  it('of two registrations of look-alike names decided at the same moment, exactly one wins', async () => {
    // Hold the first two appends until both are waiting: both decided on a name nobody held.
    const waiting: Array<() => void> = [];
    let held = 0;
    const racing = decorateStore(raw, {
      appendToStreams: async (appends: readonly StreamAppend[]) => {
        if (held < 2) {
          held++;
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) waiting.forEach((release) => release());
          });
        }
        return raw.appendToStreams(appends);
      },
    });
    const results = await Promise.allSettled([register('org-a', 'Støttesenteret', racing), register('org-b', 'STØTTESENTERET', racing)]);
    expect(held).toBe(2);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as InvalidInput).reason)).toEqual(['ORGANIZATION_NAME_TAKEN']);
    expect([...(await types(organizationStream('org-a'))), ...(await types(organizationStream('org-b')))]).toEqual(['OrganizationRegistered']);
    expect(await types(organizationNameStream('Støttesenteret'))).toEqual(['OrganizationNameClaimed']);
  });

  it('frees the old name on a rename, in the same append', async () => {
    await register('org-a', 'Nettverket');
    await rename('org-a', 'Nettverket', 'Nettverket Oslo');
    expect(await types(organizationNameStream('Nettverket'))).toEqual(['OrganizationNameClaimed', 'OrganizationNameReleased']);
    expect(await types(organizationNameStream('Nettverket Oslo'))).toEqual(['OrganizationNameClaimed']);
    await register('org-b', 'Nettverket');
    expect(await types(organizationStream('org-b'))).toEqual(['OrganizationRegistered']);
  });

  it('refuses a rename into a name another organisation holds', async () => {
    await register('org-a', 'Nettverket');
    await register('org-b', 'Støttesenteret');
    expect(await refusal(rename('org-b', 'Støttesenteret', 'NETTVERKET'))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
    expect(await types(organizationStream('org-b'))).toEqual(['OrganizationRegistered']);
  });

  it('renames within the same key (another case) without releasing what it keeps', async () => {
    await register('org-a', 'Nettverket');
    await rename('org-a', 'Nettverket', 'NETTVERKET');
    expect(await types(organizationNameStream('Nettverket'))).toEqual(['OrganizationNameClaimed']);
  });

  it('changes only the short name of an organisation that shares its name from before claims', async () => {
    await executeCommand({ store: raw, clock, schemas }, organizationDecider, organizationStream('org-old'), { type: 'RegisterOrganization', organizationId: 'org-old', name: 'Nettverket', kind: 'NGO' }, meta);
    const command = { type: 'RenameOrganization' as const, organizationId: 'org-old', name: 'Nettverket', shortName: 'NV' };
    const streams = renameStreams(command, 'Nettverket');
    await executeAcrossStreams({ store: raw, clock, schemas }, streams, (states, context) => renameOrganization(streams, states, command, ['org-old', 'org-twin'], context), meta);
    expect(await types(organizationStream('org-old'))).toEqual(['OrganizationRegistered', 'OrganizationRenamed']);
    expect(await types(organizationNameStream('Nettverket'))).toEqual([]);
    expect(await refusal(rename('org-old', 'Nettverket', 'NETTVERKET', ['org-old', 'org-twin']))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
  });

  it('refuses a name an organisation recorded before claims holds (the read model lists it)', async () => {
    await executeCommand({ store: raw, clock, schemas }, organizationDecider, organizationStream('org-old'), { type: 'RegisterOrganization', organizationId: 'org-old', name: 'Nettverket', kind: 'NGO' }, meta);
    expect(await refusal(register('org-b', 'Nettverket', raw, ['org-old']))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
  });

  it('decides again when the organisation was renamed after its streams were chosen', async () => {
    await register('org-a', 'Nettverket');
    await rename('org-a', 'Nettverket', 'Nettverket Oslo');
    const moved = await refusal(rename('org-a', 'Nettverket', 'Nettverket Bergen'));
    expect(moved).toBeInstanceOf(CurrentNameMoved);
    expect((moved as CurrentNameMoved).currentName).toBe('Nettverket Oslo');
  });

  it('seeds with the system actor like the secretariat registers', async () => {
    const command = { type: 'RegisterOrganization' as const, organizationId: 'org-seeded', name: 'Seeded', kind: 'NGO' as const };
    await executeAcrossStreams({ store: raw, clock, schemas }, registerStreams(command), (states, context) => registerOrganization(states, command, [], context), { ...meta, actor: SYSTEM_ACTOR });
    expect(await types(organizationNameStream('Seeded'))).toEqual(['OrganizationNameClaimed']);
  });
});
