import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadAuditPublicKey, verifyWholeLog } from '@kom/audit';
import { createEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import type { KomConfig } from '@kom/platform';
import { CONTEXTS } from '../../../api/src/contexts';
import { UsageError, type CliCommand } from '../cli-command';
import { FORMAT, MANIFEST, sha256File, type BackupManifest } from '../backup/backup-manifest';
import { BackupNotHere, countEvents, otherStoreAdvice } from './backup.command';

/** The backup is damaged or altered: nothing was restored. */
export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
  constructor(message: string) {
    super(`${message}; nothing was restored`);
  }
}

/**
 * `kom restore DIR`: into an empty (or new) KOM_DATA_DIR. Everything happens in a staging directory
 * beside it: the manifest's hashes are checked, the whole log is verified (every stream's hash
 * chain, every signed checkpoint against the backed-up audit key), the read models are replayed
 * from it; only then are the files moved in. A backup that fails any step leaves the target as it
 * was: empty.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a backup into an empty KOM_DATA_DIR: verify the hash chains and signed checkpoints, replay the read models',
  usage: 'restore <DIR>',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    if (argv.length !== 1 || argv[0]!.startsWith('-')) throw new UsageError('restore needs exactly one argument: the backup directory');
    if (config.eventStoreUrl) throw new BackupNotHere(otherStoreAdvice(config.eventStoreUrl));
    const source = resolve(argv[0]!);
    const target = config.dataDir;
    if (existsSync(target) && readdirSync(target).length > 0) {
      throw new UsageError(`KOM_DATA_DIR ${target} is not empty: restore only into a new or empty directory (never over a live one)`);
    }
    const manifest = readManifest(source);

    const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      for (const [name, hash] of Object.entries(manifest.files)) {
        if (basename(name) !== name) throw new RestoreRefused(`the manifest names a file outside the backup: ${name}`);
        const file = join(source, name);
        if (!existsSync(file)) throw new RestoreRefused(`${name} is missing from the backup`);
        if (sha256File(file) !== hash) throw new RestoreRefused(`${name} does not match the manifest's hash: the backup is damaged or altered`);
        copyFileSync(file, join(staging, name));
      }
      if (!manifest.files['events.sqlite']) throw new RestoreRefused('the backup holds no event log (events.sqlite)');
      if (!manifest.files['audit-signing-key.pem']) throw new RestoreRefused('the backup holds no audit key (audit-signing-key.pem) to verify the checkpoints with');

      const store = await createEventStore({ dataDir: staging });
      const readModels = ReadModelDatabase.open(join(staging, 'read-models.sqlite'));
      try {
        const head = await store.headPosition();
        const events = await countEvents(store);
        if (String(head) !== manifest.headPosition || events !== manifest.events) {
          throw new RestoreRefused(`the log holds ${events} events to position ${head}, the manifest says ${manifest.events} to ${manifest.headPosition}`);
        }
        const publicKey = loadAuditPublicKey(join(staging, 'audit-signing-key.pem'));
        const report = await verifyWholeLog(store, publicKey);
        if (!report.valid) {
          throw new RestoreRefused(`the log in the backup is not intact: first invalid position ${report.firstInvalidPosition}: ${report.reason}`);
        }
        out(`verified ${report.checkedEvents} events and ${report.checkpointsChecked} signed checkpoint(s) with key ${publicKey.keyId}`);
        const projections = CONTEXTS.flatMap((c) => c.projections);
        await rebuildAll(store, readModels, projections);
        out(`replayed ${projections.length} projections to position ${head}`);
      } finally {
        readModels.close();
        await store.close();
      }

      mkdirSync(target, { recursive: true });
      for (const name of readdirSync(staging)) renameSync(join(staging, name), join(target, name));
      out(`restored ${manifest.events} events (log head ${manifest.headPosition}, backed up ${manifest.createdAt}) into ${target}`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  },
};

function readManifest(source: string): BackupManifest {
  const file = join(source, MANIFEST);
  if (!existsSync(file)) throw new UsageError(`${source} holds no ${MANIFEST}: is it a directory written by kom backup?`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreRefused(`${MANIFEST} is not valid JSON`);
  }
  if (manifest.format !== FORMAT || typeof manifest.files !== 'object' || manifest.files === null) {
    throw new RestoreRefused(`${MANIFEST} is not a ${FORMAT} manifest`);
  }
  return manifest;
}
