// The hover tooltip over the map: title and date, as text.
import type { EventFeature } from '../model/index.ts';
import { formatEventDate } from './format/date.ts';

export function createTooltip(parent: HTMLElement) {
  const box = document.createElement('div');
  box.className = 'tooltip';
  box.hidden = true;
  box.setAttribute('aria-hidden', 'true');
  const title = document.createElement('strong');
  const date = document.createElement('span');
  box.append(title, date);
  parent.append(box);
  return {
    show(f: EventFeature, x: number, y: number) {
      title.textContent = f.properties.title;
      date.textContent = `${formatEventDate(f.properties.start, f.properties.end, f.properties.precision)} · ${f.properties.place.name}`;
      box.hidden = false;
      const maxX = parent.clientWidth - box.offsetWidth - 8;
      box.style.transform = `translate(${Math.max(8, Math.min(maxX, x + 12))}px, ${Math.max(8, y - box.offsetHeight - 12)}px)`;
    },
    hide() { box.hidden = true; },
    remove() { box.remove(); },
  };
}
