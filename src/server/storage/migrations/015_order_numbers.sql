-- Order numbers people can say at a counter (issue #16): "23번", counted from 1 per shop per
-- shop-local day of creation. Assigned by the server while it holds the shop's lock (S6), so
-- numbering is serial; the unique index is the net should anything ever write around that lock.
-- Orders from before this migration keep null and are shown by their provisional label.
alter table orders
  add column number integer check (number > 0),
  add column number_day date,
  add constraint orders_number_pair check ((number is null) = (number_day is null));
create unique index orders_shop_day_number on orders (shop_id, number_day, number);
