// PNG export of the current view: sigma draws on stacked canvases (WebGL edges and
// nodes, 2D labels and hovers); they are composed, bottom to top, onto one canvas.
// A WebGL canvas keeps its pixels only until the frame is presented, so the copy
// happens right after a synchronous render.
import type { MapRenderer } from './renderer.ts';

export function exportPng(renderer: MapRenderer, background = '#ffffff'): Promise<Blob> {
  renderer.refresh();
  const layers = renderer.getCanvases();
  const { width, height } = layers.nodes ?? Object.values(layers)[0];
  const output = document.createElement('canvas');
  output.width = width;
  output.height = height;
  const context = output.getContext('2d')!;
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  // getCanvases lists layers in DOM order, which is their stacking order; the
  // mouse layer only catches events.
  for (const [name, canvas] of Object.entries(layers)) {
    if (name === 'mouse') continue;
    context.drawImage(canvas, 0, 0, width, height);
  }
  return new Promise((resolve, reject) => output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'));
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
