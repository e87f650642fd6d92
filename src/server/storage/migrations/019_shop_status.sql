-- The counter's levers for a rush (issue #17). "바빠요 +N분" holds for the shop-local day it was set on
-- (busy_date), so a rush left on overnight is over by itself. A pause holds until paused_until, or
-- until reopened when that is null. now_capacity caps "now" orders per 15 minutes (0: no cap).
alter table shops add column busy_minutes integer not null default 0 check (busy_minutes between 0 and 120);
alter table shops add column busy_date date;
alter table shops add column paused boolean not null default false;
alter table shops add column paused_until timestamptz;
alter table shops add column now_capacity integer not null default 0 check (now_capacity between 0 and 999);
-- Counting this window's "now" orders happens under the shop lock on every such order: keep it cheap.
create index orders_now_window on orders (shop_id, created_at) where slot is null;
