{#- The CTE chain every base_crm__<table> model starts with (import first):
      shaped     the raw rows in the contract's shape, as text (macro crm_shaped_rows), with
                 unmapped_value: the CRM value its mapping seeds do not know, if any
      changed    (incremental model, incremental run) the raw rows of the records that a
                 new, changed or re-delivered raw row touched, found by comparing the
                 count of each (version_key, fingerprint) in the raw table — its keys and
                 fingerprints only, a narrow read — with the rows staged before: those
                 records are typed, ranked and classified again, whole, and replace their
                 rows (unique_key version_key)
      keyed      version_key: the record's typed key as text, shared by its versions (so
                 `2025-03-15` and `2025-03-01` are one quota month; every row without an
                 id shares `(missing id)`); and, when tracks_changes (a model staged
                 incrementally, whatever its materialization on this engine), the row's
                 fingerprint and staged_at
      typed      contract types (an unreadable value becomes null and flags the row), the
                 record id
      versioned  version_rank: 1 = the latest version of the record (data_quality.md rule 2)
    record_id is the primary key as the raw data gives it (parts joined with '|', null when
    a part is missing). Versions are ordered by the contract's latest_by column, then on
    their whole content, so the kept copy is deterministic; nulls sort last on every engine
    (Spark sorts them first by default, DuckDB and PostgreSQL last). -#}
{% macro crm_typed_versions(table_name, tracks_changes=false) -%}
    {%- set table = crm_contract()[table_name] -%}
    {%- set columns = table.columns -%}
    {%- set incremental = tracks_changes -%}
    {%- set key_parts = [] -%}
    {%- for column_name in table.key -%}
        {%- do key_parts.append('coalesce(cast(' ~ crm_typed_value(column_name, columns[column_name]) ~ ' as ' ~ dbt.type_string() ~ "), '')") -%}
        {%- if not loop.last %}{% do key_parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {%- set version_key -%}
        case
            when {{ table.key | join(' is null or ') }} is null then '(missing id)'
            else {{ dbt.concat(key_parts) if key_parts | length > 1 else key_parts[0] }}
        end
    {%- endset -%}
    {%- set row_fingerprint = crm_row_fingerprint(columns.keys() | list + ['unmapped_value']) -%}
shaped as (
    select * from {{ crm_shaped_rows(table_name) }}
),
{%- if incremental and is_incremental() %}

-- the key and fingerprint of every raw row (a narrow scan: nothing else is read)
raw_fingerprints as (
    select
        {{ version_key }} as version_key,
        {{ row_fingerprint }} as row_fingerprint
    from shaped
),

-- how many copies of each raw row the table holds now
raw_copies as (
    select
        version_key,
        row_fingerprint,
        count(*) as copies
    from raw_fingerprints
    group by version_key, row_fingerprint
),

-- and how many were staged before
staged_copies as (
    select
        version_key,
        row_fingerprint,
        count(*) as copies
    from {{ this }}
    group by version_key, row_fingerprint
),

-- the records a new, changed or re-delivered raw row touched (the rows without an id always)
changed_records as (
    select distinct raw_copies.version_key
    from raw_copies
    left join staged_copies
        on raw_copies.version_key = staged_copies.version_key
        and raw_copies.row_fingerprint = staged_copies.row_fingerprint
    where staged_copies.copies is null
        or staged_copies.copies <> raw_copies.copies
        or raw_copies.version_key = '(missing id)'
),

-- every raw row of those records
changed as (
    select shaped.*
    from shaped
    where {{ version_key }} in (select changed_records.version_key from changed_records)
),
{%- endif %}

-- the key the versions of a record share{{ ', the fingerprint of each raw row and when it was staged' if incremental }}
keyed as (
    select
        *,
        {{ version_key }} as version_key
        {%- if incremental %},
        {{ row_fingerprint }} as row_fingerprint,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}) as staged_at
        {%- endif %}
    from {{ 'changed' if incremental and is_incremental() else 'shaped' }}
),

-- contract types; an unreadable value becomes null and flags the row
typed as (
    select
        {% if table.key | length == 1 -%}
        {{ table.key[0] }} as record_id,
        {%- else -%}
        {%- set raw_key_parts = [] -%}
        {%- for column_name in table.key -%}
            {%- do raw_key_parts.append(column_name) -%}
            {%- if not loop.last %}{% do raw_key_parts.append("'|'") %}{% endif -%}
        {%- endfor -%}
        case
            when {{ table.key | join(' is null or ') }} is null then null
            else {{ dbt.concat(raw_key_parts) }}
        end as record_id,
        {%- endif %}
        version_key,
        {%- if incremental %}
        row_fingerprint,
        staged_at,
        {%- endif %}
        {%- for column_name, contract_type in columns.items() %}
        {{ crm_typed_value(column_name, contract_type) }} as {{ column_name }},
        {%- endfor %}
        unmapped_value,
        (
            {%- for column_name, contract_type in columns.items() if contract_type != 'text' %}
            {{ 'or ' if not loop.first }}({{ column_name }} is not null and {{ crm_typed_value(column_name, contract_type) }} is null)
            {%- else %}
            1 = 0
            {%- endfor %}
        ) as has_unreadable_value
    from keyed
),

-- re-syncs: the latest version of each record ranks 1
versioned as (
    select
        *,
        row_number() over (
            partition by version_key
            order by
                {%- if table.latest_by %} {{ table.latest_by }} desc nulls last,{% endif %}
                {{ columns.keys() | join(' nulls last, ') }} nulls last
        ) as version_rank
    from typed
)
{%- endmacro %}
