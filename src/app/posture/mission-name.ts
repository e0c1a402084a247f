// A mission's proper name from its title, for the "In place" row ("Mission: Eastern Sentry"). Only a real name: the
// words before "mission" in "New mission in Wiesbaden" are no name, and showing them gave the row "Mission: New".
// Without one the row says the type in words and where ("Mission in Wiesbaden").

/** Words that say what kind of mission or whose, never which one: a candidate made only of them is no name. */
const GENERIC = new Set([
  'new', 'the', 'a', 'an', 'its', 'their', 'this', 'that', 'another', 'further', 'latest', 'first', 'second', 'third',
  'planned', 'proposed', 'possible', 'joint', 'allied', 'alliance', "alliance's", 'nato', "nato's", 'eu', "eu's", 'un',
  'osce', 'multinational', 'international', 'military', 'naval', 'air', 'training', 'monitoring', 'peacekeeping',
  'reinforcement', 'reassurance', 'support', 'assistance', 'advisory', 'european', 'western', 'us', 'u.s.',
]);
/** Small words allowed inside a name ("Operation Sea of Peace", "Mission for Stability"). */
const LINKING = new Set(['of', 'for', 'and', 'de', 'du', 'la']);

/** The words before "mission"/"operation", after a launching verb, or after "Operation"/"Mission" as a title word. */
function candidates(title: string): string[] {
  const found: string[] = [];
  const before = /^(.+?)\s+(?:mission|operation)\b/i.exec(title);
  if (before && !/\b(?:launch|start|begin|open)/i.test(before[1])) found.push(before[1]);
  const after = /\b(?:launch(?:es|ed)?|start(?:s|ed)?|begins?|began|opens?|opened)\s+(?:the\s+)?(.+?)(?:\s+(?:mission|operation)\b.*)?$/i
    .exec(title);
  if (after) found.push(after[1]);
  const titled = /\b(?:Operation|Mission)\s+((?:[\p{Lu}\d][\p{L}\d'’-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d'’-]*|of|for|and))*)/u.exec(title);
  if (titled) found.push(titled[1]);
  return found;
}

/** A proper name: every word capitalised (or a linking word inside), and at least one word that is not generic. */
export function isMissionName(words: string): boolean {
  const list = words.trim().split(/\s+/);
  if (!list[0] || list.length > 6) return false;
  const capitalised = (w: string) => /^[\p{Lu}\d]/u.test(w);
  if (!capitalised(list[0]) || !capitalised(list.at(-1)!)) return false;
  if (!list.every((w) => capitalised(w) || LINKING.has(w))) return false;
  return list.some((w) => !LINKING.has(w.toLowerCase()) && !GENERIC.has(w.toLowerCase()));
}

/**
 * The mission's name in its title ("Eastern Sentry mission launched over Poland", "NATO launches Eastern Sentry",
 * "Operation Atlantic Resolve begins"), or null when the title holds none ("New mission in Wiesbaden").
 */
export function missionName(title: string): string | null {
  for (const words of candidates(title)) {
    const name = words.replace(/^(?:the|a|an)\s+/i, '').trim();
    if (isMissionName(name)) return name;
  }
  return null;
}
