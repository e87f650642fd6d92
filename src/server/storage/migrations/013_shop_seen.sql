-- When a shop device last pulled (issue #17, presence honesty): customers are told the shop may
-- confirm late when it is open and no device of it has pulled for minutes. Written at most once a
-- minute per shop (server/shops/presence.ts). A new shop starts at its creation (the owner was on a
-- device); shops from before this column start at the migration, so none warns the moment it deploys.
alter table shops add column shop_seen_at timestamptz not null default now();
