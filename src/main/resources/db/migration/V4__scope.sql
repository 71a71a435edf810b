-- The scope document: versions, lines with their decisions and record rules, comments, approvals;
-- notifications for the home page; archive snapshots.

-- Casts that give null instead of failing, so that a record rule on a badly formatted value never aborts a count.
create function sy_try_numeric(value text) returns numeric language plpgsql immutable as $$
begin
    return nullif(trim(value), '')::numeric;
exception when others then
    return null;
end;
$$;

create function sy_try_date(value text) returns date language plpgsql immutable as $$
begin
    return nullif(trim(value), '')::date;
exception when others then
    return null;
end;
$$;

create function sy_try_timestamptz(value text) returns timestamptz language plpgsql immutable as $$
begin
    return nullif(trim(value), '')::timestamptz;
exception when others then
    return null;
end;
$$;

-- true for true/1/yes/y/on, false for false/0/no/n/off, null otherwise (case and spaces ignored)
create function sy_try_boolean(value text) returns boolean language sql immutable as $$
    select case lower(trim(value))
        when 'true' then true when '1' then true when 'yes' then true when 'y' then true when 'on' then true
        when 'false' then false when '0' then false when 'no' then false when 'n' then false when 'off' then false
        else null end
$$;

create table scope_version (
    id              bigserial primary key,
    project_id      bigint       not null references project (id),
    version         integer      not null,
    status          varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    snapshot_id     bigint       references snapshot (id),
    content_hash    varchar(64),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    submitted_by    varchar(64),
    submitted_at    timestamptz,
    decided_by      varchar(64),
    decided_at      timestamptz,
    decision_comment varchar(4000),
    row_version     bigint       not null default 0,
    unique (project_id, version)
);

create table scope_line (
    id                bigserial primary key,
    scope_version_id  bigint        not null references scope_version (id) on delete cascade,
    position          integer       not null,
    object            varchar(200)  not null,
    field             varchar(200),
    decision          varchar(10)   not null check (decision in ('MIGRATE', 'ARCHIVE', 'EXCLUDE')),
    rationale         varchar(4000),
    rules             jsonb         not null default '[]'
);
create index scope_line_version_idx on scope_line (scope_version_id, position);

create table scope_comment (
    id                bigserial primary key,
    scope_version_id  bigint        not null references scope_version (id) on delete cascade,
    line_id           bigint        references scope_line (id) on delete cascade,
    author            varchar(64)   not null,
    created_at        timestamptz   not null default now(),
    text              varchar(4000) not null
);
create index scope_comment_version_idx on scope_comment (scope_version_id, created_at);

create table notification (
    id          bigserial primary key,
    user_id     bigint        not null references app_user (id),
    project_id  bigint        references project (id),
    message     varchar(1000) not null,
    link        varchar(500),
    created_at  timestamptz   not null default now(),
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, read_at, created_at desc);

create table archive_snapshot (
    id            bigserial primary key,
    project_id    bigint        not null references project (id),
    snapshot_id   bigint        not null references snapshot (id),
    scope_version integer,
    folder        varchar(1000) not null,
    records       bigint        not null default 0,
    created_by    varchar(64)   not null,
    created_at    timestamptz   not null default now(),
    manifest      jsonb         not null default '{}'
);
create index archive_snapshot_project_idx on archive_snapshot (project_id, id desc);
