// A one-icon atlas drawn on a canvas at start-up (no image request): the square frame under a headquarters-like
// state (a mask, coloured by the layer). Markers themselves are point sprites (window-points-layer.ts).
export const ATLAS_CELL_PX = 64;

export interface IconFrame { x: number; y: number; width: number; height: number; anchorX: number; anchorY: number; mask: boolean }

export function markerAtlas(): { canvas: HTMLCanvasElement; mapping: Record<string, IconFrame> } {
  const cell = ATLAS_CELL_PX;
  const canvas = document.createElement('canvas');
  canvas.width = cell;
  canvas.height = cell;
  const ctx = canvas.getContext('2d')!;
  ctx.beginPath();
  ctx.roundRect(5, 5, cell - 10, cell - 10, 8);
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fill();
  ctx.lineWidth = 7;
  ctx.strokeStyle = '#000';
  ctx.stroke();
  return { canvas, mapping: { symbol: { x: 0, y: 0, width: cell, height: cell, anchorX: cell / 2, anchorY: cell / 2, mask: true } } };
}
