// A small icon atlas drawn on a canvas at start-up (no image request): one outlined disc per category and a ring
// for the hovered or selected marker, and a square frame (a mask, coloured by the layer) for a headquarters' symbol.
// Icons rather than circles because only icons take a pixel offset.
import { CATEGORIES } from '../../model/index.ts';
import { CATEGORY_COLORS } from '../categories.ts';

export const ATLAS_CELL_PX = 64;

export interface IconFrame { x: number; y: number; width: number; height: number; anchorX: number; anchorY: number; mask: boolean }

export function markerAtlas(): { canvas: HTMLCanvasElement; mapping: Record<string, IconFrame> } {
  const cell = ATLAS_CELL_PX;
  const names = [...CATEGORIES, 'ring', 'symbol'];
  const canvas = document.createElement('canvas');
  canvas.width = cell * names.length;
  canvas.height = cell;
  const ctx = canvas.getContext('2d')!;
  const mapping: Record<string, IconFrame> = {};
  names.forEach((name, i) => {
    const cx = i * cell + cell / 2;
    const cy = cell / 2;
    ctx.beginPath();
    if (name === 'symbol') {
      ctx.roundRect(i * cell + 5, 5, cell - 10, cell - 10, 8);
      ctx.fillStyle = 'rgba(0,0,0,0.25)';
      ctx.fill();
      ctx.lineWidth = 7;
      ctx.strokeStyle = '#000';
      ctx.stroke();
    } else if (name === 'ring') {
      ctx.arc(cx, cy, cell / 2 - 5, 0, Math.PI * 2);
      ctx.lineWidth = 6;
      ctx.strokeStyle = '#111';
      ctx.stroke();
    } else {
      const [r, g, b] = CATEGORY_COLORS[name as (typeof CATEGORIES)[number]];
      ctx.arc(cx, cy, cell / 2 - 6, 0, Math.PI * 2);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.lineWidth = 5;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
    mapping[name] = { x: i * cell, y: 0, width: cell, height: cell, anchorX: cell / 2, anchorY: cell / 2, mask: name === 'symbol' };
  });
  return { canvas, mapping };
}
