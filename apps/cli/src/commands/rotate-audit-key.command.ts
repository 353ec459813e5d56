import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AuditKeyRotated,
  KEY_ROTATION_EVENT_TYPE,
  KEY_ROTATION_STREAM,
  keyRingOf,
  loadOrCreateAuditKey,
  readKeyRotations,
  signKeyRotation,
} from '@kom/audit';
import { createEventStore } from '@kom/event-store';
import { DataDirectoryLock, type KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';

const OPERATOR = { userId: 'kom-cli', organizationId: 'kom', role: 'SYSTEM' } as const;

/**
 * Replaces the audit signing key. The old key signs a statement naming the new one, recorded in the
 * log (AuditKeyRotated, stream audit-key-rotations); then the new private key takes the old one's
 * place in KOM_AUDIT_KEY_FILE, so the retired private key is gone from disk. Checkpoints signed
 * before stay valid under the old key (the log and /.well-known/kom-audit-key list both); the
 * notary refuses to sign with a retired key.
 *
 * Crash-safe order: the new key is written to <file>.next first, then the rotation is appended,
 * then <file>.next is renamed over <file>. Run again after a crash, it finishes a rotation the log
 * already holds, or starts afresh when the log never got it.
 */
export const rotateAuditKeyCommand: CliCommand = {
  name: 'rotate-audit-key',
  summary: 'replace the audit signing key; the old key signs the rotation into the log (the API must be stopped)',
  usage: 'rotate-audit-key',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    parseArgs({ args: argv, options: {}, strict: true });
    const keyFile = config.audit.keyFile;
    if (!existsSync(keyFile)) {
      throw new UsageError(`no audit key at ${keyFile} (KOM_AUDIT_KEY_FILE, KOM_DATA_DIR=${config.dataDir}): nothing to rotate; the API makes one on first start`);
    }
    const lock = DataDirectoryLock.acquire(config.dataDir, {
      what: 'rotate-audit-key replaces the key the API signs with',
      advice: 'Stop the API (every replica sharing the key file), rotate, then start it again.',
    });
    try {
      const current = loadOrCreateAuditKey(keyFile);
      const nextFile = `${keyFile}.next`;
      const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
      try {
        const rotations = await readKeyRotations(store);
        const ring = keyRingOf(rotations.map((r) => r.data), current.published);
        const inUse = ring[ring.length - 1]!;
        if (inUse.keyId !== current.published.keyId) {
          if (existsSync(nextFile) && loadOrCreateAuditKey(nextFile).published.keyId === inUse.keyId) {
            renameSync(nextFile, keyFile);
            out(`finished the rotation the log already records: ${keyFile} now holds key ${inUse.keyId}`);
            return;
          }
          throw new UsageError(`the key in ${keyFile} (${current.published.keyId}) was retired by the log in favour of ${inUse.keyId}; put that key's file there`);
        }
        rmSync(nextFile, { force: true }); // a leftover of a rotation that never reached the log
        const next = loadOrCreateAuditKey(nextFile);
        const rotatedAt = new Date();
        const data = AuditKeyRotated.data.parse(signKeyRotation(current, next.published, rotatedAt));
        const correlationId = randomUUID();
        await store.appendToStream(
          KEY_ROTATION_STREAM,
          [
            {
              id: randomUUID(),
              type: KEY_ROTATION_EVENT_TYPE,
              data,
              metadata: { actor: OPERATOR, correlationId, causationId: correlationId, command: 'RotateAuditKey', occurredAt: rotatedAt.toISOString(), schemaVersion: AuditKeyRotated.version },
            },
          ],
          { expectedRevision: rotations.length === 0 ? 'no_stream' : BigInt(rotations.length - 1) },
        );
        renameSync(nextFile, keyFile);
        out(`retired key ${current.published.keyId}`);
        out(`new key      ${next.published.keyId} (in ${keyFile}), signing from ${rotatedAt.toISOString()}`);
        out('the rotation is in the log, signed by the retired key; start the API again to sign with the new key');
      } finally {
        await store.close();
      }
    } finally {
      lock.release();
    }
  },
};
