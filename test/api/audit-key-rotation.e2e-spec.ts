import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { KEY_ROTATION_EVENT_TYPE, KEY_ROTATION_STREAM, loadOrCreateAuditKey, signKeyRotation, toPublicKey, verifyBundle } from '@kom/audit';
import { SqliteEventStore } from '@kom/event-store';
import { runOperatorCli } from '../support/cli';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

/**
 * `kom rotate-audit-key` end to end: the old key signs the rotation into the log; old checkpoints
 * keep verifying with it, new ones are signed with the new key; the well-known document lists both
 * with their validity; an evidence bundle spanning the rotation verifies offline; a retired key
 * signs nothing more; a forged rotation is refused; a wrong key gets a hint.
 */
describe('audit key rotation', () => {
  let dataDir: string;
  let keyFile: string;
  let oldKeyCopy: string;
  let oldKeyId: string;
  let newKeyId: string;
  const cli = (...argv: string[]) => runOperatorCli(dataDir, argv, { stderrToOut: true });

  beforeAll(async () => {
    const first = await TestApp.start();
    dataDir = first.config.dataDir;
    keyFile = first.config.audit.keyFile;
    await recordProjectGroupDecision(first, 'Vedtak under den gamle nøkkelen');
    const secretariat = await first.token('SECRETARIAT');
    expect((await first.gql('mutation { createAuditCheckpoint { treeSize } }', {}, secretariat)).errors).toBeUndefined();
    await first.stop({ keepData: true });
    oldKeyCopy = join(dataDir, 'old-key-copy.pem');
    copyFileSync(keyFile, oldKeyCopy);
    oldKeyId = loadOrCreateAuditKey(keyFile).published.keyId;
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rotates: the new key replaces the old in the key file, the log records the rotation signed by the old key', async () => {
    const { code, out } = await cli('rotate-audit-key');
    expect(out).toContain(`retired key ${oldKeyId}`);
    expect(code).toBe(0);
    newKeyId = loadOrCreateAuditKey(keyFile).published.keyId;
    expect(newKeyId).not.toBe(oldKeyId);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(readFileSync(oldKeyCopy, 'utf8'));
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    const [rotation] = await store.readStream(KEY_ROTATION_STREAM);
    await store.close();
    expect(rotation).toMatchObject({ type: KEY_ROTATION_EVENT_TYPE, data: { previousKeyId: oldKeyId, nextKeyId: newKeyId } });
  });

  it('leaves the log verifiable with the new key, and with the old one', async () => {
    const withNew = await cli('verify');
    expect(withNew.out).toMatch(/: valid/);
    expect(withNew.code).toBe(0);
    const withOld = await cli('verify', '--public-key', oldKeyCopy);
    expect(withOld.out).toMatch(/: valid/);
    expect(withOld.code).toBe(0);
  });

  it('signs new checkpoints with the new key, publishes both keys, and hands out a bundle spanning the rotation', async () => {
    const app = await TestApp.start({ dataDir });
    try {
      await recordProjectGroupDecision(app, 'Vedtak under den nye nøkkelen');
      const secretariat = await app.token('SECRETARIAT');
      const auditor = await app.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
      expect((await app.gql('mutation { createAuditCheckpoint { treeSize } }', {}, secretariat)).errors).toBeUndefined();

      const wellKnown = await app.app.inject({ method: 'GET', url: '/.well-known/kom-audit-key' });
      expect(wellKnown.statusCode).toBe(200);
      const doc = wellKnown.json();
      expect(doc.keyId).toBe(newKeyId); // the fields of before, kept for existing verifiers
      expect(doc.keys).toEqual([
        expect.objectContaining({ keyId: oldKeyId, status: 'retired', validFrom: null, validUntil: expect.any(String) }),
        expect.objectContaining({ keyId: newKeyId, status: 'current', validFrom: doc.keys[0].validUntil, validUntil: null }),
      ]);

      const response = await app.app.inject({ method: 'GET', url: '/evidence/bundle.jsonl?from=2000-01-01&to=2100-12-31', headers: { authorization: `Bearer ${auditor}` } });
      expect(response.statusCode).toBe(200);
      const bundle = response.body;
      const checkpointKeys = bundle.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => l.kind === 'checkpoint').map((l) => l.checkpoint.keyId);
      expect(new Set(checkpointKeys)).toEqual(new Set([oldKeyId, newKeyId]));
      expect(verifyBundle(bundle)).toMatchObject({ valid: true, keyId: newKeyId });
      // An auditor who pinned the old key follows the signed rotation to the new one.
      expect(verifyBundle(bundle, { expectedKeyId: oldKeyId })).toMatchObject({ valid: true });
      expect(verifyBundle(bundle, { expectedKeyId: 'f'.repeat(64) })).toMatchObject({ valid: false });
      // Without its rotations (a bundle cut down by hand) the old checkpoints do not verify.
      const stripped = bundle.replace(/,"keyRotations":\[[^\]]*\]/, '');
      expect(verifyBundle(stripped).valid).toBe(false);
    } finally {
      await app.stop({ keepData: true });
    }
  }, 60_000);

  it('refuses to sign with the retired key', async () => {
    const app = await TestApp.start({ dataDir, env: { KOM_AUDIT_KEY_FILE: oldKeyCopy } });
    try {
      await recordProjectGroupDecision(app, 'Vedtak etter at nøkkelen ble pensjonert');
      const secretariat = await app.token('SECRETARIAT');
      const refused = await app.gql('mutation { createAuditCheckpoint { treeSize } }', {}, secretariat);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AUDIT_KEY_RETIRED' });
    } finally {
      await app.stop({ keepData: true });
    }
  }, 60_000);

  it('hints at the key when the log is checked with a key it never used', async () => {
    const stranger = join(dataDir, 'stranger.pem');
    writeFileSync(stranger, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const { code, out } = await cli('verify', '--public-key', stranger);
    expect(code).toBe(1);
    expect(out).toContain('not among the keys the log names');
    expect(out).toContain(`KOM_DATA_DIR=${dataDir}`);
    expect(out).toContain('KOM_AUDIT_KEY_FILE=');
  });

  it('refuses a log whose rotation was not signed by the key it retires', async () => {
    const forger = generateKeyPairSync('ed25519');
    const forgerKey = { privateKey: forger.privateKey, published: toPublicKey(forger.publicKey.export({ type: 'spki', format: 'pem' }).toString()).published };
    const forged = signKeyRotation(forgerKey, forgerKey.published, new Date());
    // Claims to retire the current key, but the forger signed it.
    const current = loadOrCreateAuditKey(keyFile).published;
    const data = { ...forged, previousKeyId: current.keyId, previousPublicKeyPem: current.publicKeyPem, nextKeyId: forgerKey.published.keyId };
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    await store.appendToStream(KEY_ROTATION_STREAM, [{ id: randomUUID(), type: KEY_ROTATION_EVENT_TYPE, data, metadata: { schemaVersion: 1 } }]);
    await store.close();
    const { code, out } = await cli('verify');
    expect(code).toBe(1);
    expect(out).toMatch(/key rotations do not verify: the rotation from key [0-9a-f]{16}… is not signed by that key/);
    expect(out).toContain('hint:');
  });
});
