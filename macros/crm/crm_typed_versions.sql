{#- The CTE chain every base_crm__<table> model starts with (import first):
      shaped     the raw rows in the contract's shape, as text (macro crm_shaped_rows), with
                 unmapped_value: the CRM value its mapping seeds do not know, if any
      typed      contract types (an unreadable value becomes null and flags the row), the
                 record id, and the version key
      versioned  version_rank: 1 = the latest version of the record (data_quality.md rule 2)
    record_id is the primary key as the raw data gives it (parts joined with '|', null when
    a part is missing); the versions of a record share its typed key, so `2025-03-15` and
    `2025-03-01` are one quota month (the rows without an id rank among themselves). Versions are ordered by the contract's latest_by
    column, then on their whole content, so the kept copy is deterministic. -#}
{% macro crm_typed_versions(table_name) -%}
    {%- set table = crm_contract()[table_name] -%}
    {%- set columns = table.columns -%}
shaped as (
    select * from {{ crm_shaped_rows(table_name) }}
),

-- contract types; an unreadable value becomes null and flags the row
typed as (
    select
        {% if table.key | length == 1 -%}
        {{ table.key[0] }} as record_id,
        {%- else -%}
        {%- set key_parts = [] -%}
        {%- for column_name in table.key -%}
            {%- do key_parts.append(column_name) -%}
            {%- if not loop.last %}{% do key_parts.append("'|'") %}{% endif -%}
        {%- endfor -%}
        case
            when {{ table.key | join(' is null or ') }} is null then null
            else {{ dbt.concat(key_parts) }}
        end as record_id,
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
    from shaped
),

-- re-syncs: the latest version of each record ranks 1
versioned as (
    select
        *,
        row_number() over (
            partition by
                {%- for column_name in table.key %}
                case when record_id is not null then {{ column_name }} end{{ ',' if not loop.last }}
                {%- endfor %}
            order by
                {%- if table.latest_by %} {{ table.latest_by }} desc nulls last,{% endif %}
                {{ columns.keys() | join(', ') }}
        ) as version_rank
    from typed
)
{%- endmacro %}
