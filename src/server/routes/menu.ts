import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/roles';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { createCategory, deleteCategory, renameCategory, reorderCategories } from '../shops/menuCategories';
import { createItem, deleteItem, onlySoldOut, updateItem } from '../shops/menuItems';
import { loadPhoto, savePhoto } from '../shops/menuPhotos';

/** A photo's URL changes whenever it does, so whoever fetched it may keep it for a year. */
const PHOTO_CACHE = 'public, max-age=31536000, immutable';

/**
 * The owner's menu editor. These need a connection (the tablet says so): only marking sold out must
 * work offline, and that is the setSoldOut mutation. Every change bumps the shop's version and pokes
 * every device, customers included, since the menu is public (S8).
 */
export function menuRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, hub } = deps;
  const poke = (shopId: string, version: number) =>
    hub.publish({ shopId, version, deviceIds: [], public: true });

  register(app, deps, 'updateItem', async ({ user, params, body }) => {
    // Staff run the counter: sold out, yes; price, name or anything else, only the owner.
    if (!onlySoldOut(body) && !can(user.role, 'menu.edit')) throw new ApiError(403, 'owner_only');
    const { item, version } = await updateItem(storage, user.shopId, params.itemId, body);
    poke(user.shopId, version);
    return item;
  });

  register(app, deps, 'createItem', async ({ user, body, reply }) => {
    const { item, version, created } = await createItem(storage, user.shopId, body);
    poke(user.shopId, version);
    reply.code(created ? 201 : 200);
    return item;
  });

  register(app, deps, 'deleteItem', async ({ user, params }) => {
    const { version } = await deleteItem(storage, user.shopId, params.itemId);
    poke(user.shopId, version);
    return { ok: true as const };
  });

  register(app, deps, 'uploadPhoto', async ({ user, params, body }) => {
    const { item, version } = await savePhoto(storage, user.shopId, params.itemId, body);
    poke(user.shopId, version);
    return item;
  });

  register(app, deps, 'createCategory', async ({ user, body, reply }) => {
    const { categories, version } = await createCategory(storage, user.shopId, body);
    poke(user.shopId, version);
    reply.code(201);
    return { categories };
  });

  register(app, deps, 'updateCategory', async ({ user, params, body }) => {
    const { categories, version } = await renameCategory(storage, user.shopId, params.categoryId, body.name);
    poke(user.shopId, version);
    return { categories };
  });

  register(app, deps, 'deleteCategory', async ({ user, params }) => {
    const { categories, version } = await deleteCategory(storage, user.shopId, params.categoryId);
    poke(user.shopId, version);
    return { categories };
  });

  register(app, deps, 'reorderCategories', async ({ user, body }) => {
    const { categories, version } = await reorderCategories(storage, user.shopId, body);
    poke(user.shopId, version);
    return { categories };
  });

  // Photos are public, like the menu they belong to, and outside /api: the service worker keeps
  // /uploads/ images in its bounded cache, and any server process can answer from the database.
  app.get('/uploads/*', async (req, reply) => {
    const photo = await loadPhoto(storage, req.url.split('?')[0] ?? '');
    if (!photo) throw new ApiError(404, 'not_found');
    return reply
      .header('content-type', photo.contentType)
      .header('cache-control', PHOTO_CACHE)
      .header('x-content-type-options', 'nosniff')
      .send(photo.bytes);
  });
}
