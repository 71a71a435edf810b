-- Runs, continued: the project's policy for records deleted in the source since earlier
-- runs (report, delete or deactivate, with the column and value that mark a target row
-- inactive per object mapping), what each run did about them, re-runs of a run's
-- quarantined records, and the run's log of events.
create table delete_policy (
    project_id  bigint        primary key references project (id) on delete cascade,
    policy      varchar(12)   not null,
    deactivate  jsonb         not null default '[]',
    updated_by  varchar(100)  not null,
    updated_at  timestamptz   not null default now()
);

alter table migration_run add column delete_policy varchar(12) not null default 'REPORT';
alter table migration_run add column deactivate jsonb not null default '[]';
alter table migration_run add column rerun_of bigint references migration_run (id) on delete set null;

-- of the records deleted in the source (run_object.deleted): deleted in the target,
-- marked inactive there, or refused by the target (with its message in the ledger)
alter table run_object add column target_deleted bigint not null default 0;
alter table run_object add column deactivated    bigint not null default 0;
alter table run_object add column delete_refused bigint not null default 0;

-- a target row marked inactive by a run: not deactivated again by later runs
alter table xref add column deactivated boolean not null default false;

create table run_event (
    id      bigserial    primary key,
    run_id  bigint       not null references migration_run (id) on delete cascade,
    at      timestamptz  not null default clock_timestamp(),
    message text         not null
);
create index run_event_run on run_event (run_id, id);
