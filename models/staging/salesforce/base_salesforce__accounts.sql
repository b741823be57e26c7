{%- set segment_field = "'account." ~ var('salesforce_account_segment_field') ~ "'" -%}

with

accounts as (
    select * from {{ ref('stg_salesforce__account') }}
),

segments as (
    select * from {{ ref('salesforce__account_segments') }}
),

-- the contract's accounts as text, the segment from the seed (var
-- salesforce_account_segment_field names the custom field)
final as (
    select
        {{ crm_text('accounts.account_id') }} as account_id,
        {{ crm_text('accounts.account_name') }} as account_name,
        {{ crm_text('accounts.industry') }} as industry,
        {{ crm_text('segments.segment') }} as segment,
        {{ crm_text('accounts.country_code') }} as country_code,
        {{ crm_text('accounts.employee_count') }} as employee_count,
        {{ crm_text('accounts.owner_id') }} as owner_id,
        {{ crm_text('accounts.created_at') }} as created_at,
        {{ crm_text('accounts.is_deleted') }} as is_deleted,
        {{ crm_text('accounts.updated_at') }} as updated_at,
        {{ crm_unmapped_value(segment_field, 'accounts.segment_value', 'segments.segment') }} as unmapped_value
    from accounts
    {{ salesforce_mapping_join('segments', 'segments', 'accounts.segment_value') }}
)

select * from final
