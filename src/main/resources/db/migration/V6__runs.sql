-- Migration runs: one row per run, its objects in load order with their counters, the
-- ledger (exactly one outcome per source record and object mapping), and the
-- cross-reference of source ids to target ids per environment.
create table migration_run (
    id              bigserial     primary key,
    project_id      bigint        not null references project (id) on delete cascade,
    environment_id  bigint        not null references environment (id) on delete cascade,
    mode            varchar(10)   not null,
    status          varchar(20)   not null,
    snapshot_id     bigint        not null references snapshot (id),
    scope_version   integer,
    mapping_version integer       not null,
    error_threshold numeric(6, 2),
    records_per_second integer,
    requested_by    varchar(100)  not null,
    created_at      timestamptz   not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz,
    owner           varchar(200),
    message         varchar(4000),
    plan            jsonb         not null
);
create index migration_run_project on migration_run (project_id, id desc);

create table run_object (
    run_id        bigint       not null references migration_run (id) on delete cascade,
    position      integer      not null,
    source_object varchar(200) not null,
    target_object varchar(200) not null,
    status        varchar(20)  not null default 'PENDING',
    total         bigint       not null default 0,
    processed     bigint       not null default 0,
    created       bigint       not null default 0,
    updated       bigint       not null default 0,
    unchanged     bigint       not null default 0,
    quarantined   bigint       not null default 0,
    excluded      bigint       not null default 0,
    archived      bigint       not null default 0,
    deleted       bigint       not null default 0,
    started_at    timestamptz,
    finished_at   timestamptz,
    primary key (run_id, position)
);

create table run_ledger (
    run_id        bigint        not null references migration_run (id) on delete cascade,
    source_object varchar(200)  not null,
    target_object varchar(200)  not null,
    source_id     varchar(255)  not null,
    outcome       varchar(20)   not null,
    target_id     varchar(255),
    reason        varchar(4000),
    field         varchar(200),
    value         text,
    primary key (run_id, source_object, target_object, source_id)
);
create index run_ledger_outcome on run_ledger (run_id, outcome);

-- a chunk about to be written to the target, committed before the target write: a chunk
-- replayed after a crash finds it and knows the rows the target holds came from this run
create table run_chunk_intent (
    run_id   bigint       not null references migration_run (id) on delete cascade,
    position integer      not null,
    after_id varchar(255) not null,
    primary key (run_id, position, after_id)
);

create table xref (
    environment_id bigint       not null references environment (id) on delete cascade,
    source_object  varchar(200) not null,
    target_object  varchar(200) not null,
    source_id      varchar(255) not null,
    target_id      varchar(255) not null,
    content_hash   text,
    run_id         bigint       not null,
    primary key (environment_id, source_object, target_object, source_id)
);
create index xref_target on xref (environment_id, target_object, target_id);
