-- Issue #17: nothing waits unseen. Two shop settings for a new order nobody answers (bounds and rules
-- in domain/orderAlerts.ts): after re_alert_minutes the board rings again, louder (0: never); after
-- auto_reject_minutes of opening time the server rejects it and tells the customer (0: off, the default).
alter table shops add column re_alert_minutes integer not null default 5
  check (re_alert_minutes between 0 and 60);
alter table shops add column auto_reject_minutes integer not null default 0
  check (auto_reject_minutes = 0 or auto_reject_minutes between 5 and 120);
-- The auto-reject sweep asks, per shop, "placed orders from customers' devices, oldest first": the few
-- orders waiting for a decision, without reading the shop's history.
create index orders_placed_by_customer on orders (shop_id, created_at)
  where status = 'placed' and device_id is not null;
