-- Menu photos live in the database, not on one server's disk, so every Dangol process behind a load
-- balancer serves the same picture. Small by rule (shrunk on the tablet, 300 KB at most), and only
-- JPEG or WebP, checked by their first bytes before they are stored.
create table menu_photos (
  id uuid primary key,
  shop_id uuid not null references shops(id),
  content_type text not null check (content_type in ('image/jpeg', 'image/webp')),
  bytes bytea not null check (octet_length(bytes) <= 307200),
  created_at timestamptz not null default now()
);
create index menu_photos_shop on menu_photos (shop_id);
