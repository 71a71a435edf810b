-- When a dictionary object was read (a target's schema, a source's extraction), so that the target dictionary can say
-- how old its record counts are. Rows stored before this migration keep null: their time was not recorded.
alter table dictionary_object add column read_at timestamptz;
alter table dictionary_object alter column read_at set default now();
