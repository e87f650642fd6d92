/** A QR code as a square of modules, made on the device: no outside service ever sees the link. */
export interface QrMatrix {
  size: number;
  /** Row by row, 1 for a dark module. */
  modules: ArrayLike<number>;
}

/**
 * Loaded only when a poster is made: the QR encoder is not part of the console's first load.
 * Level M survives a poster that is a little creased or sun-faded.
 */
export async function makeQr(text: string): Promise<QrMatrix> {
  const mod = await import('qrcode');
  // A CommonJS module: bundlers expose it either as named exports or as `default`.
  const qrcode = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const code = qrcode.create(text, { errorCorrectionLevel: 'M' });
  return { size: code.modules.size, modules: code.modules.data };
}

/** The quiet zone scanners need around the code, in modules. */
export const QUIET_ZONE = 4;

/** One SVG path of every dark module (1×1 squares), offset by the quiet zone. */
export function qrPath(qr: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (qr.modules[y * qr.size + x]) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return parts.join('');
}
