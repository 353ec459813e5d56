import { z } from 'zod';
import { defineEvent } from './event-schema';
import { Upcasters, defineUpcaster, storedSchemaVersion } from './upcasting';

const V1 = defineEvent('Noted', 1, z.object({ text: z.string() }));
const V2 = defineEvent('Noted', 2, z.object({ text: z.string(), lang: z.string() }));
const V3 = defineEvent('Noted', 3, z.object({ text: z.string(), lang: z.string(), tags: z.array(z.string()) }));
const up12 = defineUpcaster(V1, V2, (d) => ({ ...d, lang: 'nb' }));
const up23 = defineUpcaster(V2, V3, (d) => ({ ...d, tags: [] }));

describe('upcasters', () => {
  const upcasters = new Upcasters([up23, up12]);

  it('chains every step from the stored version to the newest', () => {
    expect(upcasters.upcast('Noted', { schemaVersion: 1 }, { text: 'a' })).toEqual({ version: 3, data: { text: 'a', lang: 'nb', tags: [] } });
    expect(upcasters.upcast('Noted', { schemaVersion: 2 }, { text: 'a', lang: 'en' })).toEqual({ version: 3, data: { text: 'a', lang: 'en', tags: [] } });
  });

  it('reads an event without a recorded version as version 1', () => {
    expect(storedSchemaVersion({})).toBe(1);
    expect(storedSchemaVersion({ schemaVersion: 'x' })).toBe(1);
    expect(upcasters.upcast('Noted', {}, { text: 'a' })?.version).toBe(3);
  });

  it('leaves the newest version, a newer one, and other types alone', () => {
    expect(upcasters.upcast('Noted', { schemaVersion: 3 }, { text: 'a', lang: 'nb', tags: [] })).toBeUndefined();
    expect(upcasters.upcast('Noted', { schemaVersion: 4 }, { anything: true })).toBeUndefined();
    expect(upcasters.upcast('Other', { schemaVersion: 1 }, {})).toBeUndefined();
  });

  it('gives data that matches the newest schema', () => {
    expect(V3.data.safeParse(upcasters.upcast('Noted', { schemaVersion: 1 }, { text: 'a' })!.data).success).toBe(true);
  });

  it('refuses a chain with a gap, a step of two versions, two upcasters for one step, and a change of type', () => {
    expect(() => new Upcasters([up23])).toThrow(/Noted v1 → v2: the chain has a gap/);
    expect(() => defineUpcaster(V1, V3, (d) => ({ ...d, lang: 'nb', tags: [] }))).toThrow(/one version up/);
    expect(() => new Upcasters([up12, up12])).toThrow(/Two upcasters for Noted v1/);
    expect(() => defineUpcaster(V1, defineEvent('Other', 2, z.object({})) as never, (d) => d)).toThrow(/one event type/);
  });

  it('lists the older schemas to keep published', () => {
    expect(upcasters.olderSchemas().map((s) => `${s.type}.v${s.version}`).sort()).toEqual(['Noted.v1', 'Noted.v2']);
  });
});
