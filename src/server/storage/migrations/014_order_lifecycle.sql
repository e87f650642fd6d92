-- S10, issue #16: one lifecycle per kind of order. A pre-order is confirmed for its slot (no prep
-- minutes); a delivery goes out for delivery, with the rider's name and phone when the shop gives them.
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check check (status in
  ('placed', 'accepted', 'confirmed', 'ready', 'outForDelivery', 'completed', 'rejected', 'cancelled'));
alter table orders add column rider_name text not null default '';
alter table orders add column rider_phone text not null default '';

-- How long before its slot a confirmed pre-order moves onto the day's board ("준비 중"): a cake for
-- 15:00 shows from 14:00 with the default, so the kitchen sees it in time and not three days early.
alter table shops add column board_lead_minutes integer not null default 60
  check (board_lead_minutes between 0 and 1440);
