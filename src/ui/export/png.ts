// An SVG snapshot as a PNG at `scale` times its CSS size (2× by default: sharp on a projector):
// the browser draws the SVG file as an image onto a canvas. The snapshot names its fonts and holds
// no outside resource, so the canvas stays readable (an SVG image cannot fetch anything).
import type { Snapshot } from './snapshot';

export const PNG_SCALE = 2;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The browser could not draw the SVG.'));
    img.src = url;
  });
}

export async function snapshotPng(snapshot: Snapshot, scale = PNG_SCALE): Promise<Blob> {
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(snapshot.svg)}`;
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(snapshot.width * scale);
  canvas.height = Math.round(snapshot.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser has no 2D canvas.');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
}
