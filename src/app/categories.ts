// One colour and one label per category, shared by the markers, the legend, the timeline strip and the list.
import { CATEGORIES, type Category } from '../model/terms.ts';

export type Rgb = [number, number, number];

/** Chosen to stay apart for common colour-vision deficiencies (Okabe-Ito based) and on the pale basemap. */
export const CATEGORY_COLORS: Record<Category, Rgb> = {
  incursion: [213, 94, 0],
  strike: [190, 30, 45],
  advance: [136, 34, 85],
  incident: [230, 159, 0],
  deployment: [0, 114, 178],
  mission: [86, 180, 233],
  headquarters: [51, 34, 136],
  meeting: [0, 158, 115],
  aid: [117, 112, 179],
  other: [110, 110, 110],
};

export const CATEGORY_LABELS: Record<Category, string> = {
  incursion: 'Incursion', strike: 'Strike', advance: 'Advance', incident: 'Incident', deployment: 'Deployment',
  mission: 'Mission', headquarters: 'Headquarters', meeting: 'Meeting', aid: 'Aid', other: 'Other',
};

export const CATEGORY_INDEX: Record<Category, number> = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

/** Made once: the timeline's bands ask for a colour per band on every step of the cursor (880 bands at 100,000 events). */
const CSS_COLORS = Object.fromEntries(CATEGORIES.map((c) => [c, `rgb(${CATEGORY_COLORS[c].join(' ')})`])) as Record<Category, string>;

export function cssColor(category: Category): string {
  return CSS_COLORS[category];
}
