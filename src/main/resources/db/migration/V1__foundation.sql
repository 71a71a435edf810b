-- Users, projects, memberships, environments, access tokens and the append-only audit log.

create table app_user (
    id              bigserial primary key,
    username        varchar(64)  not null,
    password_hash   varchar(200) not null,
    display_name    varchar(120),
    admin           boolean      not null default false,
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create unique index app_user_username_uk on app_user (lower(username));

create table project (
    id           bigserial primary key,
    name         varchar(120)  not null,
    description  varchar(2000),
    archived     boolean       not null default false,
    created_at   timestamptz   not null default now(),
    created_by   varchar(64)   not null,
    version      bigint        not null default 0
);
create unique index project_name_uk on project (lower(name));

create table project_member (
    id          bigserial primary key,
    project_id  bigint      not null references project (id),
    user_id     bigint      not null references app_user (id),
    role        varchar(20) not null check (role in ('ANALYST', 'STAKEHOLDER', 'TESTER')),
    granted_at  timestamptz not null default now(),
    granted_by  varchar(64) not null,
    unique (project_id, user_id, role)
);
create index project_member_user_idx on project_member (user_id);

create table environment (
    id          bigserial primary key,
    project_id  bigint      not null references project (id),
    name        varchar(60) not null,
    kind        varchar(20) not null check (kind in ('SANDBOX', 'STAGING', 'PRODUCTION')),
    position    integer     not null default 0,
    version     bigint      not null default 0
);
create unique index environment_name_uk on environment (project_id, lower(name));

create table access_token (
    id            bigserial primary key,
    user_id       bigint       not null references app_user (id),
    name          varchar(80)  not null,
    token_hash    varchar(64)  not null unique,
    token_prefix  varchar(16)  not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index access_token_user_idx on access_token (user_id);

create table audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(64)  not null,
    project_id   bigint       references project (id),
    entity_type  varchar(60)  not null,
    entity_id    varchar(100),
    action       varchar(60)  not null,
    summary      varchar(4000)
);
create index audit_event_project_idx on audit_event (project_id, occurred_at desc);
create index audit_event_time_idx on audit_event (occurred_at desc);

-- The audit log is append-only: rows can be inserted, never changed or removed.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
