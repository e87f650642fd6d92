-- An item the owner takes off the menu is deleted; orders keep their own priced lines (names and
-- prices included), so history and sales do not need the row. Devices keep a copy of the catalogue,
-- though, and a pull carries only rows changed since a cursor: a deleted row would never be heard
-- of again. So each deletion leaves a tombstone at the shop version that made it, and a pull past
-- that version tells the device to drop the item.
create table menu_item_removals (
  shop_id uuid not null references shops(id),
  item_id uuid not null,
  version bigint not null,
  removed_at timestamptz not null default now(),
  primary key (shop_id, item_id)
);
create index menu_item_removals_version on menu_item_removals (shop_id, version);
