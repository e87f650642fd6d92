-- Issue #16 (5): a bank transfer has a deadline. The shop's setting (minutes after placing; see
-- domain/transferDeadline.ts for the bounds) and, on each transfer order, the deadline it was given
-- when placed: stored, so a later change of the setting never moves a promise already made. Orders
-- from before this migration have none and are never cancelled for it.
alter table shops add column transfer_deadline_minutes integer not null default 1440
  check (transfer_deadline_minutes between 10 and 4320);
alter table orders add column pay_by timestamptz;
-- Why the server cancelled an order (a code, e.g. 'transfer_deadline'); null for every other cancel.
alter table orders add column cancel_reason text;
-- The sweeper's question, "unpaid transfers past their deadline", without reading every order.
create index orders_pay_by_unpaid on orders (pay_by) where pay_by is not null and paid_at is null;
