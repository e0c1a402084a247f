// ISO 3166-1 alpha-2 codes as small numbers, so a column or a list of countries is a Uint16Array (events.bin's country
// column, the posture table's hosts and actors).

/** How many two-letter codes there are: every code's number is below this. */
export const COUNTRY_CODES = 26 * 26;

/** An ISO 3166-1 alpha-2 code as a number below 676 ('AA' = 0). */
export function codeOfAlpha2(alpha2: string): number {
  return (alpha2.charCodeAt(0) - 65) * 26 + (alpha2.charCodeAt(1) - 65);
}

export function alpha2OfCode(code: number): string {
  return String.fromCharCode(65 + Math.floor(code / 26), 65 + (code % 26));
}
