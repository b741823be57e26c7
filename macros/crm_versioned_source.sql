{#- The CTE chain that reads one raw CRM table for staging:
      source     the raw table (import)
      raw_text   every contract column as trimmed text, whatever type the loader delivered
      typed      contract types, an unreadable value null and flagged, the record id
      versioned  version_rank: 1 = the latest `updated_at` of the record (re-syncs)
    `columns` maps each contract column to its contract type (text, timestamp, date,
    numeric, integer, boolean); `key_columns` is the primary key; `latest_by` the column
    that orders versions (none: copies are ordered on content only). -#}
{% macro crm_versioned_source(table_name, columns, key_columns, latest_by=none) -%}
source as (
    select * from {{ crm_source(table_name) }}
),

-- every contract column as trimmed text, whatever type the loader delivered
raw_text as (
    select {{ crm_select_as_text(columns) }}
    from source
),

-- contract types; an unreadable value becomes null and flags the row
typed as (
    select
        {{ crm_record_id(key_columns) }} as record_id,
        {{ crm_select_typed(columns) }},
        {{ crm_has_unreadable_value(columns) }} as has_unreadable_value
    from raw_text
),

-- re-syncs: the latest version of each record ranks 1
versioned as (
    select
        *,
        {{ crm_version_rank(columns.keys() | list, latest_by=latest_by) }} as version_rank
    from typed
)
{%- endmacro %}
