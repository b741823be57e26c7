with

contacts as (
    select * from {{ ref('stg_hubspot__contact') }}
),

-- one row per HubSpot contact (a lead is a contact too); its company is the primary one
final as (
    select
        {{ crm_text('contacts.contact_id') }} as contact_id,
        {{ crm_text('contacts.property_associatedcompanyid') }} as account_id,
        {{ crm_text('contacts.property_firstname') }} as first_name,
        {{ crm_text('contacts.property_lastname') }} as last_name,
        {{ crm_text('contacts.property_email') }} as email,
        {{ crm_text('contacts.property_phone') }} as phone,
        {{ crm_text('contacts.property_jobtitle') }} as job_title,
        {{ crm_text('contacts.property_createdate') }} as created_at,
        {{ crm_text('coalesce(contacts._fivetran_deleted, false)') }} as is_deleted,
        {{ crm_text('contacts.property_lastmodifieddate') }} as updated_at,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from contacts
)

select * from final
