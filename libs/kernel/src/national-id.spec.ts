import { InvalidInput } from './errors';
import { containsNationalIdNumber, isNationalIdNumber, refuseNationalIdNumbers } from './national-id';

// Builds valid numbers from a date and an individual number, computing both check digits, so the
// tests never hold a real person's number.
function generate(day: number, month: number, year: number, individual: number): string | undefined {
  const base = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
  const d = [...base].map(Number);
  const mod = (weights: number[], digits: number[]) => {
    const k = 11 - (weights.reduce((a, w, i) => a + w * digits[i], 0) % 11);
    return k === 11 ? 0 : k;
  };
  const k1 = mod([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  if (k1 === 10) return undefined;
  const k2 = mod([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  if (k2 === 10) return undefined;
  return `${base}${k1}${k2}`;
}

function validNumbers(count: number, dNumber = false): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const day = (i % 28) + 1;
    const n = generate(dNumber ? day + 40 : day, (i % 12) + 1, 1950 + (i % 60), 100 + ((i * 37) % 900));
    if (n) out.push(n);
  }
  return out;
}

describe('national identity numbers', () => {
  const fødselsnumre = validNumbers(200);
  const dNumbers = validNumbers(200, true);

  it('recognises generated fødselsnumre and D-numbers', () => {
    for (const n of [...fødselsnumre, ...dNumbers]) expect(isNationalIdNumber(n)).toBe(true);
  });

  it('accepts numbers whose check digits fail', () => {
    for (const n of fødselsnumre) {
      const wrong = n.slice(0, 10) + String((Number(n[10]) + 1) % 10);
      expect(isNationalIdNumber(wrong)).toBe(false);
      expect(containsNationalIdNumber(`Saksnummer ${wrong}`)).toBe(false);
    }
  });

  it('finds them in free text, with or without a space after the date part', () => {
    const [a, b] = fødselsnumre;
    expect(containsNationalIdNumber(`Gjelder kvinne med fnr ${a}, se vedlegg`)).toBe(true);
    expect(containsNationalIdNumber(`D-nr: ${dNumbers[0].slice(0, 6)} ${dNumbers[0].slice(6)}.`)).toBe(true);
    expect(containsNationalIdNumber(`(${b})`)).toBe(true);
  });

  it('ignores digits that belong to a longer number, and ordinary numbers', () => {
    const [a] = fødselsnumre;
    expect(containsNationalIdNumber(`konto 1${a}`)).toBe(false);
    expect(containsNationalIdNumber(`${a}7`)).toBe(false);
    expect(containsNationalIdNumber('Tiltak 34, 2026-03-02, 1 000 000 kroner, tlf 22 33 44 55')).toBe(false);
  });

  it('refuses with BAD_USER_INPUT, naming the field but not the number', () => {
    const error = (() => {
      try {
        refuseNationalIdNumbers({ title: 'Ok', description: `Om ${fødselsnumre[3]}` });
      } catch (e) {
        return e as InvalidInput;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.reason).toBe('PERSONAL_ID_NUMBER_NOT_ALLOWED');
    expect(error?.message).toContain('description');
    expect(error?.field).toBe('description');
    expect(error?.message).not.toContain(fødselsnumre[3]);
    expect(() => refuseNationalIdNumbers({ title: 'Menneskehandel og tvangsarbeid', note: null })).not.toThrow();
  });
});
