-- Web Push that the shop's own server sends (VAPID, RFC 8292): no third-party messaging account,
-- so an outage elsewhere cannot take "your order is ready" down with it.

-- The instance's VAPID key pair: one row, made by whichever process starts first (insert … on
-- conflict do nothing, then select; see server/push/vapid.ts). It belongs to the installation, not
-- to a shop, so it has no shop_id: every browser subscription is bound to this one public key, and
-- replacing it would silently orphan every subscription. The private key signs push requests only.
create table vapid_keys (
  singleton boolean primary key default true check (singleton),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);

-- A customer device's opt-in to status notifications for its orders at one shop. The endpoint is the
-- push service's URL for that browser; p256dh and auth are the browser's keys the payload is
-- encrypted to (RFC 8291). lang is the language the customer chose when opting in.
create table push_subscriptions (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  device_id uuid not null references devices(id),
  endpoint text not null check (length(endpoint) <= 1000),
  p256dh text not null,
  auth text not null,
  lang text not null default 'ko' check (lang in ('ko', 'en')),
  created_at timestamptz not null default now(),
  -- Also the index for "this device's subscriptions at this shop", the only way rows are read.
  unique (shop_id, device_id, endpoint)
);
