-- Archives written by migration runs: one per run and source object (the records the
-- run's scope version archives), verified after writing (record counts and SHA-256 of
-- the files read back and compared with the manifest). An archive without verified_at
-- is incomplete: a resumed run discards it and writes it again.
alter table archive_snapshot add column run_id bigint references migration_run (id) on delete set null;
alter table archive_snapshot add column object varchar(200);
alter table archive_snapshot add column verified_at timestamptz;
create unique index archive_snapshot_run_object on archive_snapshot (run_id, object) where run_id is not null;
