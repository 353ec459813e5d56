/**
 * The process the SIGKILL test kills: the notifications outbox (reactor, scheduler, deliverer) over
 * a SQLite log and read-model file, sending over SMTP to the test's loopback server. Prints `S`
 * once running. Addresses: representative `rep-<n>` is `person<n>@ngo.example`.
 *
 * Usage: node <bundle of delivery-child.ts (bundleTsChild)> <log.db> <read-models.db> <keys.db> <smtp url>
 */
import { writeSync } from 'node:fs';
import { ManualClock } from '@kom/platform';
import { EngineHarness } from './engine-harness';
import { SmtpMailTransport } from '../delivery/smtp-mail-transport';

const [logFile, readModelFile, keysFile, smtpUrl] = process.argv.slice(2);

async function main(): Promise<void> {
  const mail = new SmtpMailTransport(smtpUrl!, 'KOM <no-reply@kom.test>');
  const harness = await EngineHarness.open({
    logFile,
    readModelFile,
    keysFile,
    clock: new ManualClock('2026-06-10T08:00:00Z'),
    mail,
    addresses: {
      emailOf: async (id) => ({ email: `person${id.slice(4)}@ngo.example` }),
      organizationOf: async () => 'org-ngo',
    },
    pollMs: 5,
  });
  await harness.engine.start();
  writeSync(1, 'S\n');
}

main().catch((error: unknown) => {
  writeSync(2, `E ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
