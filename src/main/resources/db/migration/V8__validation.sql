-- Validations of migration runs: count reconciliation per object, field-level comparison
-- of expected (the transform of the source) against actual (read back from the target),
-- content checks, every reference checked against the cross-reference; the findings that
-- explain each difference; a tester's sign-off.
create table validation (
    id                    bigserial     primary key,
    run_id                bigint        not null references migration_run (id) on delete cascade,
    project_id            bigint        not null references project (id) on delete cascade,
    environment_id        bigint        not null references environment (id) on delete cascade,
    mode                  varchar(10)   not null,
    sample_size           integer,
    seed                  bigint,
    strata                varchar(200),
    status                varchar(20)   not null,
    verdict               varchar(20),
    total                 bigint        not null default 0,
    processed             bigint        not null default 0,
    relationships_checked bigint        not null default 0,
    relationships_broken  bigint        not null default 0,
    requested_by          varchar(100)  not null,
    created_at            timestamptz   not null default now(),
    started_at            timestamptz,
    finished_at           timestamptz,
    message               varchar(4000),
    decision              varchar(20),
    decided_by            varchar(100),
    decided_at            timestamptz,
    decision_comment      varchar(4000)
);
create index validation_run on validation (run_id, id desc);
create index validation_project on validation (project_id, environment_id, id desc);

create table validation_object (
    validation_id   bigint        not null references validation (id) on delete cascade,
    position        integer       not null,
    source_object   varchar(200)  not null,
    target_object   varchar(200)  not null,
    extracted       bigint        not null default 0,
    in_scope        bigint        not null default 0,
    created         bigint        not null default 0,
    updated         bigint        not null default 0,
    unchanged       bigint        not null default 0,
    quarantined     bigint        not null default 0,
    excluded        bigint        not null default 0,
    archived        bigint        not null default 0,
    without_outcome bigint        not null default 0,
    in_target       bigint,
    missing         bigint        not null default 0,
    compared        bigint        not null default 0,
    balanced        boolean,
    reason          varchar(4000),
    primary key (validation_id, position)
);

create table validation_field (
    validation_id bigint        not null references validation (id) on delete cascade,
    source_object varchar(200)  not null,
    target_object varchar(200)  not null,
    field         varchar(200)  not null,
    source_field  varchar(200),
    reference     boolean       not null default false,
    compared      bigint        not null default 0,
    matched       bigint        not null default 0,
    raw_matched   bigint        not null default 0,
    by_design     bigint        not null default 0,
    status        varchar(20)   not null,
    primary key (validation_id, source_object, target_object, field)
);

create table validation_check (
    validation_id bigint        not null references validation (id) on delete cascade,
    source_object varchar(200)  not null,
    target_object varchar(200)  not null,
    kind          varchar(30)   not null,
    checked       bigint        not null default 0,
    failed        bigint        not null default 0,
    primary key (validation_id, source_object, target_object, kind)
);

create table validation_finding (
    id            bigserial     primary key,
    validation_id bigint        not null references validation (id) on delete cascade,
    kind          varchar(30)   not null,
    source_object varchar(200)  not null,
    target_object varchar(200)  not null,
    source_id     varchar(255),
    target_id     varchar(255),
    field         varchar(200),
    expected      text,
    actual        text,
    source_value  text
);
create index validation_finding_kind on validation_finding (validation_id, kind, target_object, field, id);

-- pass/warn thresholds (match rate in percent) per project, target object and field; the
-- field '*' is the object's default
create table validation_threshold (
    project_id    bigint        not null references project (id) on delete cascade,
    target_object varchar(200)  not null,
    field         varchar(200)  not null,
    pass_rate     numeric(6, 2) not null,
    warn_rate     numeric(6, 2) not null,
    primary key (project_id, target_object, field)
);
