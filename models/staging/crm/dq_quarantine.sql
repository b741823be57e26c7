{{ config(materialized='table') }}

{#- Every raw table of the contract (macro crm_contract), in contract order. -#}
{%- set crm_tables = crm_contract().keys() | list -%}

with

{% for crm_table in crm_tables -%}
base_{{ crm_table }} as (
    select * from {{ ref('base_crm__' ~ crm_table) }}
),

{% endfor -%}

-- every refused raw row with the first rule it broke; soft deletes are not refusals
quarantined as (
    {%- for crm_table in crm_tables %}
    select
        '{{ crm_table }}' as source_table,
        record_id,
        dq_reason as reason,
        case when dq_reason = 'invalid_value' then unmapped_value end as unmapped_value,
        version_rank
    from base_{{ crm_table }}
    where dq_reason is not null
        and dq_reason <> 'soft_deleted'
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        -- ids
        source_table,
        record_id,

        -- strings
        reason,
        unmapped_value,

        -- numerics
        version_rank
    from quarantined
)

select * from final
