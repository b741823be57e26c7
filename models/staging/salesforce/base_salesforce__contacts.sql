with

contacts as (
    select * from {{ ref('stg_salesforce__contact') }}
),

-- the contract's contacts as text
final as (
    select
        {{ crm_text('contact_id') }} as contact_id,
        {{ crm_text('account_id') }} as account_id,
        {{ crm_text('first_name') }} as first_name,
        {{ crm_text('last_name') }} as last_name,
        {{ crm_text('email') }} as email,
        {{ crm_text('phone') }} as phone,
        {{ crm_text('job_title') }} as job_title,
        {{ crm_text('created_at') }} as created_at,
        {{ crm_text('is_deleted') }} as is_deleted,
        {{ crm_text('updated_at') }} as updated_at,
        -- a contact holds no value to map
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from contacts
)

select * from final
