-- References a run left empty because their parent was not loaded (quarantined, excluded):
-- missing in the target, but explained by the run's ledger, so counted apart from broken ones.
alter table validation add column relationships_unresolved bigint not null default 0;
