/**
 * The shop a slug leads to: its current slug or any it had before (migration 006: shop_slugs holds
 * both, and a slug is never handed to another shop). An owner who renames the shop's link does not
 * strand the QR posters already on the wall, the links in old chats, or a phone whose order still
 * waits in its outbox for the old address. A SQL expression over parameter $1, for `where id = …`.
 */
export const SHOP_ID_BY_SLUG = '(select shop_id from shop_slugs where slug = $1)';
