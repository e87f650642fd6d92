-- Every slug a shop has ever had, its current one included. A slug is printed on QR posters and
-- shared in chats: when an owner changes it, the old link must keep leading to the same shop (and to
-- no other), so old slugs stay reserved for good. One primary key over current and former slugs
-- makes "taken" airtight even when two shops race for one name.
create table shop_slugs (
  slug text primary key,
  shop_id uuid not null references shops(id),
  created_at timestamptz not null default now()
);
create index shop_slugs_shop on shop_slugs (shop_id);

insert into shop_slugs (slug, shop_id) select slug, id from shops;

-- Kept by a trigger rather than by each writer, so signup, the demo seed, a restore and a settings
-- change all reserve their slug the same way. A slug another shop holds (now or before) raises a
-- unique violation, which the callers already answer as 409 slug_taken. After, not before, the
-- write: the new shop's row must exist for shop_slugs' foreign key.
create function shop_slugs_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.slug = old.slug then
    return null;
  end if;
  insert into shop_slugs (slug, shop_id) values (new.slug, new.id) on conflict (slug) do nothing;
  if not exists (select 1 from shop_slugs where slug = new.slug and shop_id = new.id) then
    raise exception 'slug % is taken', new.slug
      using errcode = 'unique_violation', constraint = 'shop_slugs_pkey';
  end if;
  return null;
end
$$;

create trigger shops_slug_reserved
  after insert or update of slug on shops
  for each row execute function shop_slugs_keep();
