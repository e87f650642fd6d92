-- #16 Checkout a shop can rely on. Name and phone are required of a customer's order unless the shop
-- lets a walk-in pickup go without; one order holds at most max_per_item of one item and max_per_order
-- items in all (defaults as domain/checkoutLimits.ts DEFAULT_CHECKOUT_LIMITS). Existing shops take the
-- defaults: an order with no way to call the customer back was the defect, not a shop's choice.
alter table shops
  add column contact_optional_for_pickup boolean not null default false,
  add column max_per_item integer not null default 30 check (max_per_item between 1 and 99),
  add column max_per_order integer not null default 100 check (max_per_order between 1 and 4950);
