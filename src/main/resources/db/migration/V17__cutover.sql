-- The cutover: a plan of ordered tasks per project, its executions (rehearsals in staging, the live cutover in
-- production) with the actual times of each task, the go/no-go gates agreed beforehand, the named votes and the
-- decision of each execution. Owned by the cutover module.

create table cutover_task (
    id              bigserial primary key,
    project_id      bigint        not null references project (id),
    position        integer       not null,
    stream          varchar(30)   not null check (stream in ('COMMUNICATION', 'SOURCE_FREEZE', 'FINAL_EXTRACTION',
                                                             'LOAD', 'VALIDATION', 'UAT_SMOKE_TEST', 'SWITCH_OVER',
                                                             'SOURCE_ARCHIVE')),
    name            varchar(200)  not null,
    owner_id        bigint        not null references app_user (id),
    backup_id       bigint        references app_user (id),
    planned_minutes integer       not null check (planned_minutes between 1 and 10080),
    depends_on      bigint[]      not null default '{}',
    instructions    varchar(4000),
    action          varchar(30)   not null check (action in ('MANUAL', 'DELTA_EXTRACTION', 'FULL_RUN', 'DELTA_RUN',
                                                             'VALIDATION')),
    created_at      timestamptz   not null default now(),
    unique (project_id, position)
);

create table cutover_execution (
    id              bigserial primary key,
    project_id      bigint        not null references project (id),
    mode            varchar(20)   not null check (mode in ('REHEARSAL', 'LIVE')),
    environment_id  bigint        not null references environment (id),
    status          varchar(20)   not null check (status in ('ACTIVE', 'FINISHED', 'ABANDONED')),
    started_by      varchar(64)   not null,
    started_at      timestamptz   not null default now(),
    finished_at     timestamptz,
    -- the source freeze: from this instant no record should change in the source
    freeze_at       timestamptz,
    freeze_by       varchar(64)
);
create index cutover_execution_project_idx on cutover_execution (project_id, id);
create unique index cutover_execution_active_uk on cutover_execution (project_id) where status = 'ACTIVE';

-- One task in one execution: when it started and ended, who did it, the workbench action it launched (an
-- extraction, a run or a validation, by id) and the records that action handled (for scaling the prediction).
create table cutover_task_run (
    execution_id    bigint        not null references cutover_execution (id) on delete cascade,
    task_id         bigint        not null references cutover_task (id) on delete cascade,
    status          varchar(20)   not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    started_at      timestamptz   not null,
    started_by      varchar(64)   not null,
    finished_at     timestamptz,
    finished_by     varchar(64),
    action_ref      bigint,
    records         bigint,
    message         varchar(2000),
    primary key (execution_id, task_id)
);

-- The objective go/no-go criteria agreed before the cutover, per project.
create table cutover_gate (
    project_id      bigint        not null references project (id),
    kind            varchar(30)   not null check (kind in ('RECONCILIATION_VARIANCE', 'QUARANTINE_RATE',
                                                           'VALIDATION_VERDICT')),
    threshold       numeric(9, 4) not null,
    updated_by      varchar(64)   not null,
    updated_at      timestamptz   not null default now(),
    primary key (project_id, kind)
);

-- Named go/no-go votes (one per user and role per execution; a later vote replaces the earlier one) and the decision.
create table cutover_vote (
    execution_id    bigint        not null references cutover_execution (id) on delete cascade,
    user_id         bigint        not null references app_user (id),
    role            varchar(20)   not null check (role in ('STAKEHOLDER', 'TESTER')),
    vote            varchar(10)   not null check (vote in ('GO', 'NO_GO')),
    comment         varchar(2000) not null,
    voted_at        timestamptz   not null default now(),
    primary key (execution_id, user_id, role)
);

create table cutover_decision (
    execution_id    bigint        primary key references cutover_execution (id) on delete cascade,
    decision        varchar(10)   not null check (decision in ('GO', 'NO_GO')),
    decided_by      varchar(64)   not null,
    decided_at      timestamptz   not null default now(),
    comment         varchar(2000),
    waiver          varchar(2000),
    failing_gates   varchar(2000)
);
