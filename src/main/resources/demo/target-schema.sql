-- The demo destination CRM: a realistic schema a migration lands in, with identity keys,
-- a unique source_id per object (the match key), foreign keys, NOT NULL columns,
-- CHECK-constrained picklists and a lookup table of industries.
create table industries (
    code  varchar(40) primary key,
    label varchar(80) not null
);
insert into industries (code, label) values
    ('Technology', 'Technology'), ('Manufacturing', 'Manufacturing'), ('Retail', 'Retail & Consumer'),
    ('Finance', 'Banking, Finance & Insurance'), ('Healthcare', 'Healthcare & Life Sciences'),
    ('Energy', 'Energy & Utilities'), ('Media', 'Media & Entertainment'), ('Transportation', 'Transportation'),
    ('Real Estate', 'Real Estate & Construction'), ('Services', 'Professional Services'),
    ('Public Sector', 'Public Sector & Education'), ('Other', 'Other');

create table companies (
    id             bigint generated always as identity primary key,
    source_id      varchar(40)  not null unique,
    name           varchar(255) not null,
    type           varchar(20) check (type in ('prospect', 'customer', 'former customer', 'partner')),
    industry       varchar(40),
    phone          varchar(20),
    website        varchar(255),
    street         varchar(255),
    city           varchar(80),
    state          varchar(80),
    postal_code    varchar(20),
    country        varchar(2),
    annual_revenue numeric(18, 2),
    employees      integer,
    parent_id      bigint references companies,
    created_at     timestamptz
);

create table people (
    id            bigint generated always as identity primary key,
    source_id     varchar(40) not null unique,
    company_id    bigint references companies,
    first_name    varchar(80),
    last_name     varchar(80) not null,
    title         varchar(128),
    department    varchar(80),
    email         varchar(255),
    phone         varchar(20),
    mobile_phone  varchar(20),
    reports_to_id bigint references people,
    city          varchar(80),
    state         varchar(80),
    postal_code   varchar(20),
    country       varchar(2),
    birthdate     date,
    created_at    timestamptz
);

create table deals (
    id          bigint generated always as identity primary key,
    source_id   varchar(40)  not null unique,
    company_id  bigint       not null references companies,
    name        varchar(120) not null,
    stage       varchar(40)  not null check (stage in ('Prospecting', 'Qualification', 'Needs Analysis',
                    'Value Proposition', 'Decision Makers', 'Perception Analysis', 'Proposal', 'Negotiation',
                    'Closed Won', 'Closed Lost')),
    amount      numeric(14, 2),
    probability integer check (probability between 0 and 100),
    close_date  date         not null,
    deal_type   varchar(60),
    is_closed   boolean      not null,
    is_won      boolean      not null,
    created_at  timestamptz
);

create table activities (
    id         bigint generated always as identity primary key,
    source_id  varchar(40)  not null unique,
    company_id bigint references companies,
    person_id  bigint references people,
    deal_id    bigint references deals,
    subject    varchar(255) not null,
    due_date   date,
    status     varchar(10)  not null check (status in ('open', 'done')),
    created_at timestamptz
);
