-- Records leaving the scope: records earlier runs loaded into an environment that a later
-- run's scope (or the mapping's source filter) excludes or archives. The run records what
-- its delete policy did about each in a ledger entry of its own beside the record's
-- outcome (EXCLUDED or ARCHIVED), so the ledger key gains scope_exit; outcomes such as
-- LEFT_SCOPE_DEACTIVATED need more than 20 characters.
alter table run_ledger alter column outcome type varchar(30);
alter table run_ledger add column scope_exit boolean not null default false;
alter table run_ledger drop constraint run_ledger_pkey;
alter table run_ledger add primary key (run_id, source_object, target_object, source_id, scope_exit);

-- of the records leaving the scope (run_object.left_scope, outside the balance like
-- deleted): deleted in the target, marked inactive there, or refused by the target
alter table run_object add column left_scope             bigint not null default 0;
alter table run_object add column left_scope_deleted     bigint not null default 0;
alter table run_object add column left_scope_deactivated bigint not null default 0;
alter table run_object add column left_scope_refused     bigint not null default 0;

-- validation: rows the workbench loaded whose records the run's scope leaves out and that
-- the target still holds (null when the object could not be read), of those the ones the
-- run kept on purpose (delete policy report); references left empty because their parent
-- was not loaded, outside a reference field's compared and matched counts
alter table validation_object add column out_of_scope      bigint;
alter table validation_object add column out_of_scope_kept bigint;
alter table validation_field  add column unresolved        bigint not null default 0;
