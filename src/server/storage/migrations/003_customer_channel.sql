-- The customer channel: how a shop lets people order and pay, items that need notice, chat.

-- What the owner offers at checkout (S11: last writer wins per field).
alter table shops
  add column pickup_enabled boolean not null default true,
  add column delivery_enabled boolean not null default false,
  add column pay_at_pickup boolean not null default true,
  add column bank_transfer boolean not null default false,
  add column bank_account text not null default '';

-- "Order by 18:00 the day before" (domain/leadTime.ts).
alter table menu_items
  add column lead_days integer not null default 0 check (lead_days between 0 and 30),
  add column order_cutoff text check (order_cutoff is null or order_cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

-- How the customer pays, when the shop saw the money (it confirms a transfer by hand), and the
-- SHA-256 of the secret in the link a customer shares ("where is my order?" for a family member).
alter table orders
  add column payment text not null default 'at_pickup' check (payment in ('at_pickup', 'bank_transfer')),
  add column paid_at timestamptz,
  add column share_hash text;

-- S12: chat is append-only and ordered by the shop's version. One conversation per customer device
-- and shop (a customer has no account); a message may be about one of that device's orders.
create table messages (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  device_id uuid not null references devices(id),
  order_id uuid references orders(id),
  author text not null check (author in ('customer', 'shop')),
  user_id uuid references users(id),
  body text not null check (length(body) between 1 and 1000),
  created_at timestamptz not null default now(),
  version bigint not null
);
create index messages_shop_version on messages (shop_id, version);
create index messages_device_version on messages (shop_id, device_id, version);
