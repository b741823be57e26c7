with

user_roles as (
    select * from {{ ref('stg_salesforce__user_role') }}
),

-- every user role is a team, its region the label of its forecast rollup; a role removed
-- from Salesforce is left out (the contract's teams have no deletion flag)
final as (
    select
        {{ crm_text('user_role_id') }} as team_id,
        {{ crm_text('user_role_name') }} as team_name,
        {{ crm_text('rollup_description') }} as region,
        -- a role needs no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from user_roles
    where not is_deleted
)

select * from final
