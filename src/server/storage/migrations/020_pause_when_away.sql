-- Issue #17 (5): instead of only warning customers that no shop device is connected during opening
-- hours, a shop may choose to stop taking customer orders until a device is back (off by default).
alter table shops add column pause_when_away boolean not null default false;
