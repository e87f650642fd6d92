-- Delivery on OpenStreetMap (issue 6). The shop's pin and its zones live on the shop row: they are
-- part of its public data (a phone computes the fee offline from them) and change rarely, under the
-- shop's lock like every other setting (S6, S11). Zones are one JSON document (radius tiers and
-- GeoJSON polygons) whose shape the server validates before writing.
alter table shops add column lat double precision;
alter table shops add column lng double precision;
alter table shops add column delivery_zones jsonb not null
  default '{"roadFactor": 1.3, "tiers": [], "polygons": [], "freeAbove": null}';
-- The shop version that last changed the pin or the zones: a pull carries them only to devices that
-- have not seen that version yet (zones can be tens of kilobytes; pulls run every minute).
alter table shops add column delivery_version bigint not null default 0;

-- A delivery order keeps where it goes (the customer's pin) and the fee the server computed from it;
-- total already includes the fee. Orders from before this migration delivered for free.
alter table orders add column delivery_fee integer not null default 0 check (delivery_fee >= 0);
alter table orders add column lat double precision;
alter table orders add column lng double precision;
