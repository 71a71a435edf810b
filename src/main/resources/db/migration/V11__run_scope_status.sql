-- What a run used: the status its scope version had when the run started (DRAFT, SUBMITTED,
-- REJECTED or APPROVED), since a draft can still change and a version is approved later.
alter table migration_run add column scope_status varchar(12);

-- Runs started before this column existed: the status their scope version had at the run's
-- creation, from the version's own submit and decision times (each set once).
update migration_run r
set scope_status = case
        when v.decided_at is not null and v.decided_at <= r.created_at then v.status
        when v.submitted_at is not null and v.submitted_at <= r.created_at then 'SUBMITTED'
        else 'DRAFT' end
from scope_version v
where v.project_id = r.project_id and v.version = r.scope_version and r.scope_status is null;

-- The cross-reference page searches an environment by the start of a source or target id
-- (LIKE 'prefix%', whatever the database's collation).
create index xref_source_id on xref (environment_id, source_id varchar_pattern_ops);
create index xref_target_id on xref (environment_id, target_id varchar_pattern_ops);
