import { acceptedFingerprints, legacyRequestFingerprint, requestFingerprint } from './idempotency-key';

describe('the fingerprint of a request with an idempotency key', () => {
  it('leaves out the key, field order, absent fields and fields sent as null, at every depth of an object', () => {
    const first = { idempotencyKey: 'k-00000001', title: 'T', items: [{ a: 1, b: 'x' }], filter: { kind: 'NGO' } };
    const retry = { filter: { kind: 'NGO', from: null }, items: [{ b: 'x', a: 1, c: null }], title: 'T', tags: null, urgencyReason: undefined };
    expect(requestFingerprint(retry)).toBe(requestFingerprint(first));
  });

  it('keeps what makes a request different: a value, an empty list, a null element of a list', () => {
    const base = { title: 'T', tags: [] as unknown[] };
    expect(requestFingerprint({ ...base, title: 'U' })).not.toBe(requestFingerprint(base));
    expect(requestFingerprint({ title: 'T' })).not.toBe(requestFingerprint(base));
    expect(requestFingerprint({ ...base, tags: [null] })).not.toBe(requestFingerprint(base));
    expect(requestFingerprint({ ...base, tags: [0] })).not.toBe(requestFingerprint({ ...base, tags: [false] }));
  });

  it('is the older fingerprint for any input without a null, so claims stored before still match', () => {
    const input = { title: 'T', items: [{ a: 1 }], tags: ['X'] };
    expect(requestFingerprint(input)).toBe(legacyRequestFingerprint(input));
    expect(acceptedFingerprints(input).size).toBe(1);
    const withNull = { title: 'T', tags: null };
    expect(acceptedFingerprints(withNull)).toEqual(new Set([requestFingerprint(withNull), legacyRequestFingerprint(withNull)]));
    expect(legacyRequestFingerprint(withNull)).not.toBe(legacyRequestFingerprint({ title: 'T' }));
  });
});
