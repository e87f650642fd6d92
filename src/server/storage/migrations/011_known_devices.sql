-- Browsers that signed in to an account before (issue #15): when strangers' guesses lock an account,
-- these still get in with the right password. Only a SHA-256 digest of the cookie's token is kept.
create table known_devices (
  id text primary key,
  shop_id uuid not null references shops(id),
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index known_devices_user on known_devices (user_id);
