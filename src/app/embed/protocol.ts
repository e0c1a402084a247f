// The postMessage protocol between a host page and an embedded map, version 1 (docs/embedding.md). Every message
// is an object `{ flankline: 1, type, ... }`; anything else is not ours and is ignored.
import { z } from 'zod';
import { PROTOCOL_VERSION } from './protocol-envelope.ts';

export { isFlanklineMessage, PROTOCOL_VERSION } from './protocol-envelope.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date');
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const v = z.literal(PROTOCOL_VERSION);

/** Commands a host sends to the map. */
export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ flankline: v, type: z.literal('setTime'), time: isoDay }).strict(),
  z.object({ flankline: v, type: z.literal('play') }).strict(),
  z.object({ flankline: v, type: z.literal('pause') }).strict(),
  z.object({ flankline: v, type: z.literal('select'), id: z.string().min(1).max(200).nullable() }).strict(),
  z.object({ flankline: v, type: z.literal('fitBounds'), bbox: z.tuple([lon, lat, lon, lat]) }).strict()
    .refine((m) => m.bbox[0] < m.bbox[2] && m.bbox[1] < m.bbox[3], 'bbox must be [west, south, east, north]'),
  z.object({ flankline: v, type: z.literal('getState') }).strict(),
]);
export type Command = z.infer<typeof CommandSchema>;

/** What the map tells its host. */
export type Announcement =
  | { flankline: 1; type: 'ready'; time: string; selected: string | null; playing: boolean }
  | { flankline: 1; type: 'timechange'; time: string; playing: boolean }
  | { flankline: 1; type: 'select'; id: string | null; title: string | null }
  | { flankline: 1; type: 'state'; time: string; selected: string | null; playing: boolean;
      bbox: [number, number, number, number] | null }
  | { flankline: 1; type: 'error'; message: string };

export type ParsedCommand = { ok: true; command: Command } | { ok: false; reason: string };

export function parseCommand(data: unknown): ParsedCommand {
  const result = CommandSchema.safeParse(data);
  if (result.success) return { ok: true, command: result.data };
  return { ok: false, reason: result.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
}
