-- Order numbers people can say at a counter (issue #16): "23번", counted from 1 per shop per
-- shop-local day of creation. Assigned by the server while it holds the shop's lock (S6), so
-- numbering is serial; the unique index is the net should anything ever write around that lock.
alter table orders
  add column number integer check (number > 0),
  add column number_day date,
  add constraint orders_number_pair check ((number is null) = (number_day is null));

-- Orders from before numbering are numbered too, in the order they were made on their shop's day:
-- a day's history reads "1번, 2번…", not provisional labels that would suggest they never reached
-- the server.
update orders o
   set number = r.n, number_day = r.day
  from (select x.id,
               (x.created_at at time zone s.time_zone)::date as day,
               row_number() over (partition by x.shop_id, (x.created_at at time zone s.time_zone)::date
                                  order by x.created_at, x.id) as n
          from orders x join shops s on s.id = x.shop_id) r
 where o.id = r.id;

create unique index orders_shop_day_number on orders (shop_id, number_day, number);
