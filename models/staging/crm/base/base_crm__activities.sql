{#- Incremental: the largest raw table, staged again only for the records a new, changed or
    re-delivered raw row touched (macro crm_typed_versions); `dbt build --full-refresh`
    stages it whole. A raw row removed from the raw table needs a full refresh (the
    accounting test raw_rows_accounted_for says so). -#}
{{ config(
    materialized='incremental',
    unique_key='version_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
) }}

with

{{ crm_typed_versions('activities') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            -- an activity without its time cannot be counted in any month
            when occurred_at is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when coalesce(is_deleted, false) then 'soft_deleted'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
            when {{ is_outside_set('activity_type', accepted_values_of('activity_type')) }} then 'invalid_value'
            when {{ is_outside_set('direction', accepted_values_of('direction')) }} then 'invalid_value'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
