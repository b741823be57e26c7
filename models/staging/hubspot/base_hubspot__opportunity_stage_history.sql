with

deal_stages as (
    select * from {{ ref('stg_hubspot__deal_stage') }}
),

merged_deals as (
    select * from {{ ref('stg_hubspot__merged_deal') }}
),

-- one row per stage a deal entered; a merged deal's history belongs to the deal it was merged into
final as (
    select
        {{ crm_text('coalesce(merged_deals.deal_id, deal_stages.deal_id)') }} as opportunity_id,
        {{ crm_text('deal_stages.stage_id') }} as stage_name,
        {{ crm_text('deal_stages.date_entered') }} as entered_at,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from deal_stages
    left join merged_deals
        on deal_stages.deal_id = merged_deals.merged_deal_id
)

select * from final
