import { randomUUID } from 'node:crypto';
import type { z } from 'zod/mini';
import type { MenuItem } from '../../domain/catalogue';
import { MAX_PHOTO_BYTES, sniffPhotoType, type PhotoType } from '../../domain/menuEdit';
import type { PhotoUpload } from '../../protocol/schemas';
import { ApiError } from '../http/errors';
import type { Queryable, Storage } from '../storage/types';
import { bumpShopVersion, ITEM_COLUMNS, toItem, type ItemRow } from './queries';

const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp' };
/** "/uploads/<uuid>.jpg": the only names we hand out, so the only ones worth a database look-up. */
export const PHOTO_URL =
  /^\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(jpg|webp)$/;

/**
 * Stores a photo for one item and points the item at it. Whatever the client says, the bytes must
 * be a JPEG or WebP of at most MAX_PHOTO_BYTES. Each upload gets a new URL, so the URL can be cached
 * for a year; the item's previous photo is deleted in the same transaction.
 */
export async function savePhoto(
  storage: Storage,
  shopId: string,
  itemId: string,
  upload: z.output<typeof PhotoUpload>,
): Promise<{ item: MenuItem; version: number }> {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw new ApiError(413, 'photo_too_large', ['data']);
  const kind = sniffPhotoType(bytes);
  if (kind === null || kind !== upload.contentType) throw new ApiError(415, 'photo_unsupported', ['data']);
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const [old] = await tx.query<{ photo_url: string | null }>(
      'select photo_url from menu_items where id = $1 and shop_id = $2 for update',
      [itemId, shopId],
    );
    if (!old) throw new ApiError(404, 'not_found');
    const id = randomUUID();
    // Base64 through SQL rather than a driver-specific binary parameter: both drivers agree on text.
    await tx.query(
      `insert into menu_photos (id, shop_id, content_type, bytes) values ($1, $2, $3, decode($4, 'base64'))`,
      [id, shopId, kind, bytes.toString('base64')],
    );
    const [row] = (await tx.query<ItemRow>(
      `update menu_items set photo_url = $3, version = $4 where id = $1 and shop_id = $2
       returning ${ITEM_COLUMNS}`,
      [itemId, shopId, `/uploads/${id}.${EXTENSION[kind]}`, version],
    )) as [ItemRow];
    await deletePhoto(tx, shopId, old.photo_url);
    return { item: toItem(row), version };
  });
}

/** Deletes the stored photo behind an item's photo URL, if it is one of ours. */
export async function deletePhoto(tx: Queryable, shopId: string, url: string | null): Promise<void> {
  const id = url ? PHOTO_URL.exec(url)?.[1] : undefined;
  if (id) await tx.query('delete from menu_photos where id = $1 and shop_id = $2', [id, shopId]);
}

export async function loadPhoto(
  db: Queryable,
  path: string,
): Promise<{ contentType: string; bytes: Buffer } | null> {
  const match = PHOTO_URL.exec(path);
  if (!match) return null;
  const [row] = await db.query<{ content_type: PhotoType; b64: string }>(
    `select content_type, encode(bytes, 'base64') as b64 from menu_photos where id = $1`,
    [match[1]],
  );
  // The extension is part of the name we gave out: a photo asked for under another one is not ours.
  if (!row || EXTENSION[row.content_type] !== match[2]) return null;
  return { contentType: row.content_type, bytes: Buffer.from(row.b64, 'base64') };
}
