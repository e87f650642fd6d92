-- An order the shop imported from a customer's SMS hand-off code (issue #15): the SHA-256 of the
-- code's claim key (base64url). Only the phone whose share secret derives that key may claim the
-- order; null means no device ever can (typed in by the shop, or a code from before the key).
alter table orders add column handoff_key_hash text;
