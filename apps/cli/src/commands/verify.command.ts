import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { loadAuditPublicKey, verifyBundle, verifyWholeLog, type IntegrityReport } from '@kom/audit';
import { createEventStore } from '@kom/event-store';
import type { KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';
import { openLeafHints } from '../audit/open-audit';
import { verifyDocument } from './verify-document';

/** The log is not intact, or the bundle does not verify: exit code 1 with the first invalid position. */
export class VerificationFailed extends Error {
  override readonly name = 'VerificationFailed';
}

/**
 * When a signature is at fault, which key is which: the one the checkpoint names, the one used to
 * check it and where it came from, so that a verify run against the wrong data directory (and so
 * the wrong key file) says so.
 */
export function keyHint(reason: string | null, used: { keyId: string; from: string }, config: KomConfig): string {
  if (!reason || !/signed with another key|signature|retired|key rotations|not among the keys/.test(reason)) return '';
  const named = /\(([0-9a-f]{16})…/.exec(reason)?.[1];
  return (
    `\n  hint: ${named ? `the checkpoint names key ${named}…; ` : ''}checked with key ${used.keyId} from ${used.from}` +
    `\n  (KOM_DATA_DIR=${config.dataDir}, KOM_AUDIT_KEY_FILE=${config.audit.keyFile}): is this the data directory, and so the key, that signed the log?` +
    ' Pass --public-key with the JSON of /.well-known/kom-audit-key to check with the published keys.'
  );
}

function describe(report: IntegrityReport): string {
  return `checked ${report.checkedEvents} events and ${report.checkpointsChecked} signed checkpoint(s)`;
}

/**
 * Without --bundle: walks the whole log (every stream's hash chain, every checkpoint's signature and
 * Merkle root). With --bundle: checks an exported evidence bundle using nothing but the file
 * (no store, no database), optionally pinning the key id published at /.well-known/kom-audit-key.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the whole log (hash chains, signed checkpoints), an exported evidence bundle offline, or a document against the log',
  usage: 'verify [--public-key <file>] | verify --bundle <file> [--key-id <keyId>] | verify --document <file>',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    const { values } = parseArgs({
      args: argv,
      options: { bundle: { type: 'string' }, 'key-id': { type: 'string' }, 'public-key': { type: 'string' }, document: { type: 'string' } },
      strict: true,
    });
    if (values.document) return verifyDocument(values.document, config, out);
    if (values.bundle) {
      const report = verifyBundle(readFileSync(values.bundle), { expectedKeyId: values['key-id'] });
      if (!report.valid) {
        const position = report.firstInvalidPosition === null ? '' : `first invalid position ${report.firstInvalidPosition}: `;
        const hint = values['key-id'] && report.reason?.includes('not the expected') ? `\n  hint: --key-id ${values['key-id']} is neither the bundle's key nor one its signed rotations lead from; compare with /.well-known/kom-audit-key (keys)` : '';
        throw new VerificationFailed(`the bundle does not verify: ${position}${report.reason}${hint}`);
      }
      out(`bundle ${values.bundle}: ${describe(report)}, ${report.consistencyProofsChecked} consistency proof(s), signed with key ${report.keyId}: valid`);
      if (!values['key-id']) out('note: compare the key id with the one published at /.well-known/kom-audit-key, or pass --key-id');
      return;
    }
    // The public key only: from --public-key (a PEM, or the JSON of /.well-known/kom-audit-key), else
    // from the platform's key file. Never made here: a fresh key would only say "another key".
    const keyFile = values['public-key'] ?? config.audit.keyFile;
    if (!existsSync(keyFile)) {
      throw new UsageError(`no audit key at ${keyFile}: pass --public-key <file> with the key published at /.well-known/kom-audit-key`);
    }
    const publicKey = loadAuditPublicKey(keyFile);
    const store = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
    const hints = openLeafHints(config);
    try {
      const report = await verifyWholeLog(store, publicKey, hints.hints);
      if (!report.valid) {
        const at = report.firstInvalidPosition === null ? '' : `first invalid position ${report.firstInvalidPosition}: `;
        throw new VerificationFailed(`the log is not intact (${describe(report)}): ${at}${report.reason}${keyHint(report.reason, { keyId: publicKey.keyId, from: keyFile }, config)}`);
      }
      out(`log: ${describe(report)}, ${report.treeSize} leaves, key ${publicKey.keyId}: valid`);
    } finally {
      hints.close();
      await store.close();
    }
  },
};
