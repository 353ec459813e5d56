// npm run privacy:false-positives [-- --samples 20000] [-- --seed 2026]
// Measures how often the national-ID guard refuses ordinary text (dates, ISO timestamps, phone
// numbers, case numbers, organisation numbers, amounts, and all of them mixed), per kind, on a
// seeded random corpus, and how many of the generated numbers in disguise it finds.
import { parseArgs } from 'node:util';
import { containsNationalIdNumber } from '@kom/kernel';
import {
  DIGIT_ZEROS,
  ORDINARY_KINDS,
  ORDINARY_TEXT,
  between,
  grouped,
  inScript,
  ordinaryNumberText,
  sampleNumbers,
  seededRandom,
} from '@kom/kernel/testing';

function main(): void {
  const { values } = parseArgs({ options: { samples: { type: 'string', default: '20000' }, seed: { type: 'string', default: '2026' } } });
  const samples = Number(values.samples);
  const random = seededRandom(Number(values.seed));
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(3)} %`;

  console.log(`Ordinary text refused (seed ${values.seed}, ${samples} samples per kind):`);
  let refusedAll = 0;
  const examples: string[] = [];
  for (const kind of ORDINARY_KINDS) {
    let refused = 0;
    for (let i = 0; i < samples; i++) {
      const text = ordinaryNumberText(kind, random);
      if (containsNationalIdNumber(text)) {
        refused++;
        if (examples.length < 8) examples.push(text);
      }
    }
    refusedAll += refused;
    console.log(`  ${kind.padEnd(14)} ${String(refused).padStart(6)} of ${samples}  ${pct(refused, samples)}`);
  }
  console.log(`  ${'all'.padEnd(14)} ${String(refusedAll).padStart(6)} of ${samples * ORDINARY_KINDS.length}  ${pct(refusedAll, samples * ORDINARY_KINDS.length)}`);
  const fixed = ORDINARY_TEXT.filter(containsNationalIdNumber).length;
  console.log(`  fixed corpus   ${String(fixed).padStart(6)} of ${ORDINARY_TEXT.length}`);
  for (const example of examples) console.log(`  e.g. refused: ${example}`);

  const numbers = [
    ...sampleNumbers(100, 'fødselsnummer'),
    ...sampleNumbers(100, 'D-number'),
    ...sampleNumbers(100, 'H-number'),
    ...sampleNumbers(100, 'fødselsnummer', 2),
  ];
  const disguises: Array<(n: string) => string> = [
    (n) => n,
    (n) => grouped(n, [6, 5], ' '),
    (n) => grouped(n, [2, 2, 2, 5], '.'),
    (n) => grouped(n, [3, 3, 3, 2], '-'),
    (n) => between(n, '\u200b'),
    (n) => grouped(n, [6, 5], '\u00a0'),
    ...Object.values(DIGIT_ZEROS).map((zero) => (n: string) => inScript(grouped(n, [6, 5], ' '), zero)),
  ];
  let found = 0;
  for (const n of numbers) for (const disguise of disguises) if (containsNationalIdNumber(`Gjelder ${disguise(n)} i saken`)) found++;
  console.log(`Generated numbers in disguise found: ${found} of ${numbers.length * disguises.length}`);
}

main();
