import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { checkEveryEmittedEvent } from '@kom/kernel/testing';

// Every event a decider spec produces must validate against the JSON Schema published for its
// type in schema/events (the newest version), exactly as an integrator would check it.
const dir = join(__dirname, '..', '..', 'schema', 'events');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

const latest = new Map<string, { version: number; file: string }>();
for (const file of readdirSync(dir)) {
  const match = /^([A-Za-z]+)\.v(\d+)\.json$/.exec(file);
  if (!match) continue;
  const version = Number(match[2]);
  if ((latest.get(match[1])?.version ?? 0) < version) latest.set(match[1], { version, file });
}
const validators = new Map(
  [...latest].map(([type, { file }]) => [type, ajv.compile(JSON.parse(readFileSync(join(dir, file), 'utf8')))]),
);

checkEveryEmittedEvent((event) => {
  const validate = validators.get(event.type);
  if (!validate) throw new Error(`No published JSON Schema for event type ${event.type} in schema/events`);
  if (!validate(event.data)) {
    throw new Error(`${event.type} does not match its published schema: ${ajv.errorsText(validate.errors)}`);
  }
});
