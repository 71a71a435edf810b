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
