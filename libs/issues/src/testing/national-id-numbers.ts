/**
 * Generated Norwegian national identity numbers for tests: both mod-11 check digits computed, so
 * no test holds a real person's number. `withBadChecksum` flips the last check digit.
 */
export function generatedNationalIdNumber(day = 15, month = 6, year = 1985, dNumber = false): string {
  const mod = (weights: number[], digits: number[]) => {
    const k = 11 - (weights.reduce((a, w, i) => a + w * digits[i]!, 0) % 11);
    return k === 11 ? 0 : k;
  };
  for (let individual = 100; individual < 1000; individual++) {
    const base = `${String(dNumber ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${individual}`;
    const d = [...base].map(Number);
    const k1 = mod([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
    if (k1 === 10) continue;
    const k2 = mod([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
  throw new Error('no valid number for that date');
}

export function withBadChecksum(valid: string): string {
  return valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
}
