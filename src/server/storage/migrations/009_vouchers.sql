-- Gift vouchers the shop sells itself (issue #7).

-- One Ed25519 key pair per shop, made on first use. The private key (PKCS#8 PEM) never leaves this
-- table: no route returns it and the shop backup leaves it out. The public key (raw 32 bytes,
-- base64url) is public data every device keeps to verify vouchers offline.
create table shop_signing_keys (
  shop_id uuid primary key references shops(id),
  private_key text not null,
  public_key text not null,
  created_at timestamptz not null default now()
);

create table vouchers (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  -- The typed code's lookup key (10 Crockford symbols from the id): unique within the shop.
  code text not null,
  -- The signed token, null while a customer's request awaits the shop's confirmation of the transfer.
  token text,
  won integer not null check (won > 0),
  item_id uuid,
  item_name text,
  -- Only ever lowered, by redemptions under the shop's lock; never below zero.
  balance integer not null check (balance >= 0 and balance <= won),
  -- The sum of over-redemptions: goods handed over beyond the balance.
  shortfall integer not null default 0 check (shortfall >= 0),
  issued_at timestamptz,
  expires_at timestamptz not null,
  message text not null default '',
  buyer_name text not null default '',
  paid_by text check (paid_by in ('cash', 'card', 'transfer')),
  paid_at timestamptz,
  -- The customer device that asked for it from the shop page (it alone may list it), if any.
  device_id uuid references devices(id),
  created_at timestamptz not null default now(),
  version bigint not null
);
create unique index vouchers_shop_code on vouchers (shop_id, code);
create index vouchers_shop_version on vouchers (shop_id, version);
create index vouchers_device on vouchers (device_id) where device_id is not null;

-- Each redemption as the tablet sent it (redeemVoucher), in the order the server applied it.
create table voucher_redemptions (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  voucher_id uuid not null references vouchers(id),
  amount integer not null check (amount > 0),
  taken integer not null check (taken >= 0),
  shortfall integer not null check (shortfall >= 0),
  order_id uuid,
  -- The tablet's clock when it redeemed (offline maybe), and the server's when it arrived.
  at timestamptz not null,
  received_at timestamptz not null default now(),
  client_id uuid not null,
  user_id uuid not null references users(id),
  -- An over-redemption's outcome, chosen by the owner: null until decided.
  resolution text check (resolution in ('accept_loss', 'contact_customer')),
  version bigint not null
);
create index voucher_redemptions_voucher on voucher_redemptions (voucher_id);
create index voucher_redemptions_shop_version on voucher_redemptions (shop_id, version);
