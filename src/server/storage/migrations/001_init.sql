-- Shops and their accounts. Every table a shop owns carries shop_id, so a hosting provider can later
-- shard by shop without a redesign; the shop's version counter is the sync cursor (S6).
create table shops (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  phone text not null default '',
  address text not null default '',
  notice text not null default '',
  time_zone text not null default 'Asia/Seoul',
  hours jsonb not null,
  version bigint not null default 0,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  username text not null,
  password_hash text not null,
  role text not null check (role in ('owner', 'staff')),
  created_at timestamptz not null default now(),
  removed_at timestamptz
);
-- A removed member's name may be given to someone new; the old row stays for the record.
create unique index users_shop_username on users (shop_id, username) where removed_at is null;

-- Sessions and invites store only the SHA-256 of their token: a leaked table opens no door.
create table sessions (
  id text primary key,
  shop_id uuid not null references shops(id),
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

create table invites (
  id text primary key,
  shop_id uuid not null references shops(id),
  role text not null check (role in ('owner', 'staff')),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references users(id)
);

-- A customer's phone: no account, just an id and a secret the phone keeps.
create table devices (
  id uuid primary key,
  token_hash text not null,
  created_at timestamptz not null default now()
);

create table menu_categories (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  name text not null,
  position int not null default 0,
  version bigint not null default 0
);
create index menu_categories_shop on menu_categories (shop_id, version);

create table menu_items (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  category_id uuid not null references menu_categories(id),
  name text not null,
  description text not null default '',
  price integer not null check (price >= 0),
  photo_url text,
  option_groups jsonb not null default '[]',
  sold_out_until date,
  daily_quota integer check (daily_quota is null or daily_quota >= 0),
  position int not null default 0,
  version bigint not null default 0
);
create index menu_items_shop on menu_items (shop_id, version);

-- Login and invite attempts, shared by every server process on this database.
create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
