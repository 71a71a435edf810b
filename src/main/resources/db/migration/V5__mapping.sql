-- Mapping sets: every save is a new version of the whole mapping document (objects, fields,
-- picklists, transforms), so any version can be read, compared and exported again.
create table mapping_version (
    id         bigserial    primary key,
    project_id bigint       not null references project (id) on delete cascade,
    version    integer      not null,
    document   jsonb        not null,
    saved_by   varchar(100) not null,
    saved_at   timestamptz  not null default now(),
    summary    varchar(500),
    unique (project_id, version)
);
