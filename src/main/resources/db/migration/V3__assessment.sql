-- Connections, extraction snapshots with their staged records, the data dictionary and data-quality findings.

create table connection (
    id              bigserial primary key,
    project_id      bigint       not null references project (id),
    role            varchar(10)  not null check (role in ('SOURCE', 'TARGET')),
    environment_id  bigint       references environment (id),
    type            varchar(20)  not null check (type in ('CSV', 'XLSX', 'SOBJECT_TREE', 'JDBC')),
    name            varchar(120) not null,
    options         jsonb        not null default '{}',
    secret_cipher   text,
    files_dir       varchar(1000),
    upload_name     varchar(255),
    upload_bytes    bigint,
    id_fields       jsonb        not null default '{}',
    modified_fields jsonb        not null default '{}',
    created_at      timestamptz  not null default now(),
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    check ((role = 'SOURCE' and environment_id is null) or (role = 'TARGET' and environment_id is not null))
);
create unique index connection_one_source on connection (project_id) where role = 'SOURCE';
create unique index connection_one_target on connection (environment_id) where role = 'TARGET';

create table snapshot (
    id               bigserial primary key,
    project_id       bigint       not null references project (id),
    connection_id    bigint       not null references connection (id),
    mode             varchar(10)  not null check (mode in ('FULL', 'DELTA')),
    status           varchar(30)  not null,
    base_snapshot_id bigint       references snapshot (id),
    requested_by     varchar(64)  not null,
    queued_at        timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    objects_total    integer      not null default 0,
    objects_done     integer      not null default 0,
    records          bigint       not null default 0,
    problems         integer      not null default 0,
    overlap_seconds  integer      not null default 300,
    cancel_requested boolean      not null default false,
    message          varchar(4000),
    version          bigint       not null default 0
);
create index snapshot_project_idx on snapshot (project_id, id desc);

create table snapshot_object (
    id              bigserial primary key,
    snapshot_id     bigint       not null references snapshot (id) on delete cascade,
    name            varchar(200) not null,
    origin          varchar(500),
    id_field        varchar(200),
    modified_field  varchar(200),
    status          varchar(30)  not null,
    records         bigint       not null default 0,
    new_records     bigint       not null default 0,
    changed_records bigint       not null default 0,
    unchanged       bigint       not null default 0,
    deleted         bigint       not null default 0,
    problems        integer      not null default 0,
    watermark       timestamptz,
    seconds         double precision,
    unique (snapshot_id, name)
);

-- One row per source record per snapshot. Each snapshot is its own partition: loaded by COPY without indexes,
-- indexed afterwards, then attached; a snapshot is removed by dropping its partition.
-- content_hash is computed by PostgreSQL from the canonical jsonb text, so that field order never matters.
-- deleted marks a record of the previous snapshot that the source no longer has (kept for delta runs).
create table staged_record (
    snapshot_id  bigint       not null,
    object       varchar(200) not null,
    source_id    varchar(255) not null,
    payload      jsonb        not null,
    content_hash text         generated always as (md5(payload::text)) stored,
    modified_at  timestamptz,
    deleted      boolean      not null default false,
    location     varchar(300)
) partition by list (snapshot_id);

create table extraction_problem (
    id           bigserial primary key,
    snapshot_id  bigint        not null references snapshot (id) on delete cascade,
    object       varchar(200),
    location     varchar(500),
    field        varchar(200),
    message      varchar(2000) not null,
    raw_value    varchar(1000)
);
create index extraction_problem_snapshot_idx on extraction_problem (snapshot_id, id);

-- The data dictionary: for the source, one version per snapshot; for a target, one per target connection.
create table dictionary_object (
    id             bigserial primary key,
    project_id     bigint       not null references project (id),
    side           varchar(10)  not null check (side in ('SOURCE', 'TARGET')),
    snapshot_id    bigint       references snapshot (id) on delete cascade,
    connection_id  bigint       references connection (id) on delete cascade,
    name           varchar(200) not null,
    origin         varchar(500),
    id_field       varchar(200),
    record_count   bigint,
    profile        jsonb        not null default '{}'
);
create index dictionary_object_snapshot_idx on dictionary_object (snapshot_id);
create index dictionary_object_connection_idx on dictionary_object (connection_id);

create table dictionary_field (
    id                 bigserial primary key,
    object_id          bigint       not null references dictionary_object (id) on delete cascade,
    position           integer      not null,
    name               varchar(200) not null,
    native_type        varchar(100),
    declared_type      varchar(20),
    inferred_type      varchar(20),
    type               varchar(20)  not null,
    length             integer,
    max_length         integer,
    required           boolean      not null default false,
    required_declared  boolean      not null default false,
    is_unique          boolean      not null default false,
    generated          boolean      not null default false,
    reference_to       varchar(200),
    reference_inferred boolean      not null default false,
    fill_rate          double precision,
    distinct_count     bigint,
    distinct_estimated boolean      not null default false,
    picklist_values    jsonb        not null default '[]',
    profile            jsonb        not null default '{}'
);
create index dictionary_field_object_idx on dictionary_field (object_id, position);

-- What analysts say about objects and fields; kept per project, side and name so that it survives new snapshots.
create table dictionary_annotation (
    id              bigserial primary key,
    project_id      bigint        not null references project (id),
    side            varchar(10)   not null check (side in ('SOURCE', 'TARGET')),
    object          varchar(200)  not null,
    field           varchar(200)  not null default '',
    label           varchar(200),
    description     varchar(2000),
    business_owner  varchar(120),
    sensitivity     varchar(20)   not null default 'NONE' check (sensitivity in ('NONE', 'PII', 'CONFIDENTIAL')),
    notes           varchar(4000),
    updated_by      varchar(64)   not null,
    updated_at      timestamptz   not null default now(),
    version         bigint        not null default 0
);
create unique index dictionary_annotation_uk on dictionary_annotation (project_id, side, lower(object), lower(field));

create table finding (
    id           bigserial primary key,
    snapshot_id  bigint        not null references snapshot (id) on delete cascade,
    kind         varchar(40)   not null,
    object       varchar(200),
    field        varchar(200),
    count        bigint        not null,
    message      varchar(2000) not null,
    examples     jsonb         not null default '[]'
);
create index finding_snapshot_idx on finding (snapshot_id, kind);
