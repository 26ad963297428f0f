/**
 * Saving the drawing: the SVG text as a file, and a PNG at twice the
 * on-screen size (sharp on a 4K projector or a slide), drawn by the browser
 * from the same SVG. The SVG goes into the <img> as a data: URL, which the
 * page's CSP allows for images (img-src data:); a blob: URL would not be.
 */
import type { Snapshot } from './snapshot.ts';

export const PNG_SCALE = 2;

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function svgBlob(snap: Snapshot): Blob {
  return new Blob([snap.text], { type: 'image/svg+xml;charset=utf-8' });
}

export async function pngBlob(snap: Snapshot, scale = PNG_SCALE): Promise<Blob> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(snap.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = snap.width * scale;
  canvas.height = snap.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw to a canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}
