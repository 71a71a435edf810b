-- Connections to CRM APIs (issue 15, 17): the type list grows, and every API call is metered per connection.
alter table connection drop constraint connection_type_check;
alter table connection add constraint connection_type_check
    check (type in ('CSV', 'XLSX', 'SOBJECT_TREE', 'JDBC', 'SALESFORCE', 'HUBSPOT'));

-- Calls this workbench made, per connection, UTC day and kind of call (query, describe, collections, bulk, limits …).
-- Counted in their own transactions (a call counts even when the work around it rolls back, and the calls that read a
-- new connection count before it is committed), so the tables carry no foreign key to connection.
create table connection_api_call (
    connection_id bigint      not null,
    day           date        not null,
    kind          varchar(40) not null,
    calls         bigint      not null,
    primary key (connection_id, day, kind)
);

-- The provider's own count of the org's or portal's calls, as its last answer reported it.
create table connection_api_usage (
    connection_id bigint      primary key,
    used          bigint      not null,
    max           bigint      not null,
    read_at       timestamptz not null
);
