import { looksLikeNationalIdNumber } from './national-id-hint';

// Synthetic numbers built with the checksum rules (no real person's number).
function withChecksums(nine: string): string {
  const d = [...nine].map(Number);
  const k = (weights: number[], digits: number[]) => {
    const r = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11);
    return r === 11 ? 0 : r;
  };
  for (let serial = 0; serial < 1000; serial++) {
    const candidate = [...d.slice(0, 6), ...String(serial).padStart(3, '0').split('').map(Number)];
    const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], candidate);
    if (k1 === 10) continue;
    const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...candidate, k1]);
    if (k2 === 10) continue;
    return [...candidate, k1, k2].join('');
  }
  throw new Error('no valid serial');
}

describe('the light national identity number warning', () => {
  const fnr = withChecksums('120487000');
  const dnr = withChecksums('520487000');

  it('warns on a fødselsnummer or D-number, with or without a space', () => {
    expect(looksLikeNationalIdNumber(`Born ${fnr}.`)).toBe(true);
    expect(looksLikeNationalIdNumber(`${fnr.slice(0, 6)} ${fnr.slice(6)}`)).toBe(true);
    expect(looksLikeNationalIdNumber(dnr)).toBe(true);
  });

  it('stays quiet on a failed checksum, a longer number and ordinary text', () => {
    const wrong = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10);
    expect(looksLikeNationalIdNumber(wrong)).toBe(false);
    expect(looksLikeNationalIdNumber(`9${fnr}`)).toBe(false);
    expect(looksLikeNationalIdNumber('Tiltak 17 og 6 i 2026')).toBe(false);
  });
});
