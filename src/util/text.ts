// Text as a person reads it in a message or a label: cut short without splitting a character, and on one line.

/**
 * `text` cut to at most `maxChars` UTF-16 units with "…" at the end, at a word when one ends in the second half.
 * Never between the two halves of a surrogate pair: an emoji cut in two is a lone surrogate, which JSON and
 * TextEncoder turn into U+FFFD and some parsers refuse.
 */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end--;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A file name fit for a one-line message: line breaks, other control characters and bidi overrides written as
 * escapes (`a\nb.txt` stays one line, and a right-to-left override cannot make `txt.exe` read as `exe.txt`).
 */
export function printable(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
