/**
 * The only module that touches the camera (getUserMedia) and the QR decoder (jsQR). The decoder is
 * loaded on first use, so the console's first render does not pay for it.
 */

export class CameraUnavailable extends Error {}

/** jsQR works on raw pixels; a 640-pixel-wide frame reads a phone-screen QR and keeps each try cheap. */
const FRAME_WIDTH = 640;
/** A photo may be 12 megapixels: scaled down first, or decoding one would stall the tablet. */
const PHOTO_WIDTH = 1600;
/** Five tries a second find a held-up code quickly without keeping a core busy. */
const SCAN_INTERVAL_MS = 200;

async function decoder() {
  return (await import('jsqr')).default;
}

/** The platform's own QR reader (Android, macOS, ChromeOS Chromium), where there is one. */
interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
async function nativeDetector(): Promise<NativeDetector | null> {
  const Ctor = (
    globalThis as {
      BarcodeDetector?: { new (o: object): NativeDetector; getSupportedFormats(): Promise<string[]> };
    }
  ).BarcodeDetector;
  try {
    return Ctor && (await Ctor.getSupportedFormats()).includes('qr_code')
      ? new Ctor({ formats: ['qr_code'] })
      : null;
  } catch {
    return null;
  }
}

/** Draws a source into a canvas at most `maxWidth` wide and returns its pixels. */
function pixels(
  source: CanvasImageSource,
  width: number,
  height: number,
  maxWidth: number,
): ImageData | null {
  if (width === 0 || height === 0) return null;
  const scale = Math.min(1, maxWidth / width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The text of a QR code in a photo or screenshot, or null when none can be read. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const jsQR = await decoder();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null; // not an image the browser can open
  }
  try {
    const img = pixels(bitmap, bitmap.width, bitmap.height, PHOTO_WIDTH);
    return img
      ? (jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' })?.data ?? null)
      : null;
  } finally {
    bitmap.close();
  }
}

/**
 * Shows the back camera in `video` and calls `onText` once with the first QR code it sees, then
 * releases the camera. Throws CameraUnavailable when there is no camera or permission is refused.
 * The returned function stops early; the camera light must never stay on after the screen is left.
 */
export async function scanQrWithCamera(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<() => void> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraUnavailable();
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
  } catch {
    throw new CameraUnavailable();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    // BarcodeDetector where the platform has one (faster, no 130 kB decoder); jsQR everywhere else.
    const native = await nativeDetector();
    const jsQR = native ? null : await decoder();
    const tick = async () => {
      if (stopped) return;
      let text: string | null = null;
      if (native) text = (await native.detect(video).catch(() => []))[0]?.rawValue ?? null;
      else if (jsQR) {
        const img = pixels(video, video.videoWidth, video.videoHeight, FRAME_WIDTH);
        text =
          (img && jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data) || null;
      }
      if (stopped) return;
      if (text) {
        stop();
        onText(text);
        return;
      }
      timer = setTimeout(() => void tick(), SCAN_INTERVAL_MS);
    };
    void tick();
  } catch {
    stop();
    throw new CameraUnavailable();
  }
  return stop;
}
