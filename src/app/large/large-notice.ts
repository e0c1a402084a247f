// What a reader is told about large mode: a banner when the data loads, and in the posture row why it is empty.
import { showBanner } from '../banner.ts';

const formatted = (n: number) => n.toLocaleString('en-GB');

export function largeModeBanner(count: number): string {
  return `Large dataset: ${formatted(count)} events, drawn from events.bin. The map, timeline, list and sources work; `
    + 'host-nation tints, contributor arcs, headquarters squares and the posture summary are off, and the search covers '
    + 'titles and places, not excerpts.';
}

export function postureOffText(count: number): string {
  return `Large dataset (${formatted(count)} events): host-nation tints, arcs and the summary are off; markers, timeline, list and sources work.`;
}

/** Announces large mode in the banners and puts the reason in the posture row, where the summary would be. */
export function announceLargeMode(banners: HTMLElement, postureRow: HTMLElement, count: number): void {
  showBanner(banners, 'info', [largeModeBanner(count)]);
  const p = document.createElement('p');
  p.className = 'posture-off';
  p.textContent = postureOffText(count);
  postureRow.classList.add('posture-summary', 'large-mode');
  postureRow.replaceChildren(p);
}
