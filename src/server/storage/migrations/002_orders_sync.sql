-- Pickup scheduling, in the shop's time zone (DESIGN.md: time slots, lead times, pre-order window).
alter table shops
  add column slot_minutes integer not null default 30 check (slot_minutes between 5 and 240),
  add column slot_capacity integer not null default 10 check (slot_capacity between 1 and 1000),
  add column lead_minutes integer not null default 20 check (lead_minutes between 0 and 10080),
  add column preorder_days integer not null default 14 check (preorder_days between 0 and 90),
  add column closed_dates jsonb not null default '[]';

-- S10: orders. Lines are priced by the server and never change; only the status moves.
create table orders (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  -- The customer device that placed it (null for phone orders the shop typed in).
  device_id uuid references devices(id),
  lines jsonb not null,
  total integer not null check (total >= 0),
  status text not null check (status in ('placed', 'accepted', 'ready', 'completed', 'rejected', 'cancelled')),
  fulfilment text not null check (fulfilment in ('pickup', 'delivery')),
  date date not null,
  slot text,
  customer_name text not null default '',
  customer_phone text not null default '',
  address text not null default '',
  note text not null default '',
  created_at timestamptz not null default now(),
  received_at timestamptz,
  prep_minutes integer,
  ready_by timestamptz,
  reject_reason text,
  version bigint not null
);
create index orders_shop_version on orders (shop_id, version);
create index orders_device_version on orders (shop_id, device_id, version);
create index orders_shop_date_slot on orders (shop_id, date, slot);
-- A shop's pull asks "anything not yet received?" every time: keep that answer cheap.
create index orders_unreceived on orders (shop_id, version) where received_at is null;

-- S3/S4: one row per syncing client (a device's or a tablet's database for one shop).
create table sync_clients (
  client_id uuid primary key,
  shop_id uuid not null references shops(id),
  -- Whose client it is: 'device:<id>' or 'shop:<id>'; a client id cannot change hands.
  owner text not null,
  last_seq bigint not null default 0
);

-- S4: every mutation ever applied or rejected, kept for good (a phone may return after days).
create table mutations (
  mutation_id uuid primary key,
  client_id uuid not null references sync_clients(client_id),
  shop_id uuid not null references shops(id),
  seq bigint not null,
  name text not null,
  args_hash text not null,
  status text not null check (status in ('applied', 'rejected')),
  code text,
  order_id uuid,
  created_at timestamptz not null default now(),
  unique (client_id, seq)
);
