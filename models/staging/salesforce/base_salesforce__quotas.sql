{%- if salesforce_holds('quotas', ['forecasting_quota']) -%}

with

forecasting_quotas as (
    select * from {{ ref('stg_salesforce__forecasting_quota') }}
),

-- the revenue quotas of Collaborative Forecasts (a quantity quota is no money), one per
-- owner and monthly period; a quota removed from Salesforce is left out (the contract's
-- quotas have no deletion flag)
final as (
    select
        {{ crm_text('user_id') }} as user_id,
        {{ crm_text('period_start_date') }} as quota_month,
        {{ crm_text('quota_amount') }} as quota_amount,
        {{ crm_text('currency_code') }} as currency_code,
        -- a quota needs no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from forecasting_quotas
    where is_amount
        and not is_deleted
)

select * from final

{%- else -%}

{{ crm_optional_contract_as_text('quotas') }}

{%- endif -%}
