import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportAuditBundle, notaryFromLog } from '@kom/audit';
import type { KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';
import { openAudit } from '../audit/open-audit';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A bare date for --to means the end of that day (UTC): `--from 2026-01-01 --to 2026-12-31` is the whole year. */
function parseBound(name: string, value: string | undefined, endOfDay: boolean): Date {
  if (!value) throw new UsageError(`--${name} <date> is required`);
  const time = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new UsageError(`--${name} must be a date (2026-11-28) or an ISO 8601 time`);
  return new Date(endOfDay && DATE_ONLY.test(value) ? time + 24 * 3600 * 1000 : time);
}

/**
 * Writes the evidence bundle: JSON lines with the public key, the signed checkpoints, the events of
 * the range (by occurredAt) with their inclusion proofs, and a seal over every line. First signs
 * a checkpoint of the log as it is now (appended like the notary's, idempotently), so every event
 * of the range is covered; --no-checkpoint uses the latest one recorded instead.
 */
export const exportAuditCommand: CliCommand = {
  name: 'export-audit',
  summary: 'write an evidence bundle (JSON lines): events in range, signed checkpoint, inclusion proofs, public key',
  usage: 'export-audit --from <date> --to <date> --out <file> [--no-checkpoint]',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'no-checkpoint': { type: 'boolean', default: false } },
      strict: true,
    });
    const from = parseBound('from', values.from, false);
    const to = parseBound('to', values.to, true);
    if (!(from < to)) throw new UsageError('--from must be before --to');
    if (!values.out) throw new UsageError('--out <file> is required');
    const { store, key } = await openAudit(config);
    const { notary, close } = await notaryFromLog(store, key, config.audit.checkpointEvery);
    try {
      const checkpoint = values['no-checkpoint'] ? undefined : await notary.checkpointNow();
      const bundle = await exportAuditBundle(store, notary, key, { from, to }, { checkpoint });
      writeFileSync(values.out, bundle.text);
      out(`wrote ${values.out}: ${bundle.events} events from ${from.toISOString()} to ${to.toISOString()}, sealed with key ${key.published.keyId}`);
      if (bundle.unprovenEvents > 0) out(`warning: ${bundle.unprovenEvents} event(s) recorded after the latest checkpoint carry no inclusion proof`);
    } finally {
      close();
      await store.close();
    }
  },
};
