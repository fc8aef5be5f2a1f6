/** GB 11643-1999 weights of the first 17 digits, and the check character for each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** 18 characters, 17 digits then a digit or X, and the last one is the checksum of the others. */
export function idNumberProblem(id: string): 'length' | 'format' | 'checksum' | undefined {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/u.test(id)) return 'format';
  const sum = WEIGHTS.reduce((n, w, i) => n + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17] ? undefined : 'checksum';
}

/** 230102199001011234 → 2301**********1234: what every screen shows except the field being typed in. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
