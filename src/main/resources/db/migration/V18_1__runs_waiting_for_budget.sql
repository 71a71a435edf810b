-- A run that used up its API budget waits for it (status WAITING_FOR_BUDGET): why, since when, when it checks next
-- and how often it has checked.
alter table migration_run add column budget_reason     text;
alter table migration_run add column budget_since      timestamptz;
alter table migration_run add column budget_next_check timestamptz;
alter table migration_run add column budget_checks     integer not null default 0;
