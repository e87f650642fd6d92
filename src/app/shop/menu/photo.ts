import { fitWithin, MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, type PhotoType } from '../../../domain/menuEdit';

/**
 * The one place that touches the browser's image APIs (createImageBitmap, canvas). A phone camera
 * photo is 3–12 MB; customers load the menu on mobile data, and the server refuses anything above
 * MAX_PHOTO_BYTES. So the tablet shrinks it first: longest side ≤ 1200 px, JPEG at falling quality,
 * then smaller sides, until it fits.
 */

export type ShrinkResult =
  | { ok: true; type: PhotoType; base64: string; bytes: number; width: number; height: number }
  | { ok: false; problem: 'unreadable' | 'too_big' };

/** Qualities tried in turn; below ~0.5 JPEG artefacts show on food photos, so sides shrink next. */
const QUALITIES = [0.85, 0.75, 0.65, 0.55];
/** Each further attempt draws at this fraction of the previous size; bounded number of rounds. */
const SIDE_STEPS = [1, 0.8, 0.64, 0.5];

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with 300,000 arguments would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function shrinkPhoto(file: Blob): Promise<ShrinkResult> {
  let bitmap: ImageBitmap;
  try {
    // EXIF orientation applied, so a portrait phone photo is not shown on its side.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  try {
    const base = fitWithin(bitmap.width, bitmap.height, MAX_PHOTO_SIDE);
    for (const step of SIDE_STEPS) {
      const size = fitWithin(base.width * step, base.height * step, MAX_PHOTO_SIDE);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return { ok: false, problem: 'unreadable' };
      // JPEG has no transparency: a transparent PNG gets a white background, not black.
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, size.width, size.height);
      ctx.drawImage(bitmap, 0, 0, size.width, size.height);
      for (const quality of QUALITIES) {
        const blob = await toBlob(canvas, quality);
        if (blob && blob.size <= MAX_PHOTO_BYTES) {
          return { ok: true, type: 'image/jpeg', base64: await toBase64(blob), bytes: blob.size, ...size };
        }
      }
    }
    return { ok: false, problem: 'too_big' };
  } finally {
    bitmap.close();
  }
}
