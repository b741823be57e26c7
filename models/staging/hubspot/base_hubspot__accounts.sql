with

companies as (
    select * from {{ ref('stg_hubspot__company') }}
),

owner_map as (
    select * from {{ ref('hubspot__owners') }}
),

-- a company merged into another (listed in its hs_merged_object_ids) is a copy of it
merged_into as (
    select
        merged.company_id,
        min(kept.company_id) as kept_company_id
    from companies as merged
    inner join companies as kept
        on {{ dbt.concat(["';'", 'kept.property_hs_merged_object_ids', "';'"]) }}
        like {{ dbt.concat(["'%;'", 'cast(merged.company_id as ' ~ dbt.type_string() ~ ')', "';%'"]) }}
    group by merged.company_id
),

-- one row per HubSpot company; a merged copy carries the id of the company it was merged into
final as (
    select
        {{ crm_text('coalesce(merged_into.kept_company_id, companies.company_id)') }} as account_id,
        {{ crm_text('companies.property_name') }} as account_name,
        {{ crm_text('companies.property_industry') }} as industry,
        {{ crm_text('companies.property_segment') }} as segment,
        {{ crm_text('companies.property_country') }} as country_code,
        {{ crm_text('companies.property_numberofemployees') }} as employee_count,
        {{ crm_text(hubspot_user_id('companies.property_hubspot_owner_id', 'owner_map')) }} as owner_id,
        {{ crm_text('companies.property_createdate') }} as created_at,
        {{ crm_text('coalesce(companies.is_deleted, false) or coalesce(companies._fivetran_deleted, false)') }} as is_deleted,
        {{ crm_text('companies.property_hs_lastmodifieddate') }} as updated_at,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from companies
    left join merged_into
        on companies.company_id = merged_into.company_id
    left join owner_map
        on companies.property_hubspot_owner_id = owner_map.owner_id
)

select * from final
