-- References by business key (a name or a code rather than an id).
--
-- The keys of a snapshot's staged records by one field, built once on demand when a run, a validation or a trace
-- resolves a reference "by parent field X": each key as written (trimmed) and in its normal form (letters and digits,
-- lower case, no accents), with the record it belongs to. Keys longer than 255 characters are not indexed.
create table staged_key_set (
    snapshot_id bigint       not null references snapshot (id) on delete cascade,
    object      varchar(200) not null,
    field       varchar(200) not null,
    keys        bigint       not null,
    built_at    timestamptz  not null default now(),
    primary key (snapshot_id, object, field)
);

create table staged_key (
    snapshot_id bigint       not null,
    object      varchar(200) not null,
    field       varchar(200) not null,
    exact_key   varchar(255) not null,
    normal_key  varchar(255) not null,
    source_id   varchar(255) not null,
    foreign key (snapshot_id, object, field) references staged_key_set on delete cascade
);
create index staged_key_exact_idx on staged_key (snapshot_id, object, field, exact_key);
create index staged_key_normal_idx on staged_key (snapshot_id, object, field, normal_key);

-- What the dictionary says of a reference by key: the parent's field, and whether values match it exactly or only in
-- normal form.
alter table dictionary_field add column reference_key varchar(200);
alter table dictionary_field add column reference_match varchar(20);

-- Analysts' decisions on inferred references, kept per project, object and field across extractions.
create table reference_decision (
    id          bigserial primary key,
    project_id  bigint       not null references project (id),
    object      varchar(200) not null,
    field       varchar(200) not null,
    target      varchar(200) not null,
    key_field   varchar(200),
    decision    varchar(10)  not null check (decision in ('CONFIRMED', 'REJECTED')),
    decided_by  varchar(64)  not null,
    decided_at  timestamptz  not null default now()
);
create unique index reference_decision_uk on reference_decision (project_id, lower(object), lower(field));
