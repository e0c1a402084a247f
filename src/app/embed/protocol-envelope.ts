// What every message of the host page protocol carries (protocol.ts): its version, and the test of whether a message
// is one of ours. Apart from the commands' schema (zod), which host-api.ts loads with the first message: an embedded
// map that no host page drives does without it (issue 16, first load).

export const PROTOCOL_VERSION = 1;

/** Whether a message is meant for Flankline at all (so other scripts' messages are not even reported). */
export function isFlanklineMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'flankline' in data;
}
