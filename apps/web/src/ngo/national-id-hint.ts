// A light warning while typing; the server refuses for real (PERSONAL_DATA_REFUSED).
const CANDIDATE = /(?<!\d)(\d{6}) ?(\d{5})(?!\d)/g;
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number {
  const k = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11);
  return k === 11 ? 0 : k;
}

function plausible(eleven: string): boolean {
  const d = [...eleven].map(Number);
  const day = (d[0] * 10 + d[1]) % 40;
  const month = d[2] * 10 + d[3];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && control(d, W1) === d[9] && control(d, W2) === d[10];
}

/** True when the text holds eleven digits that pass the fødselsnummer/D-number checks. */
export function looksLikeNationalIdNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) if (plausible(match[1] + match[2])) return true;
  return false;
}
