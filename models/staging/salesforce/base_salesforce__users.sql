with

users as (
    select * from {{ ref('stg_salesforce__user') }}
),

profiles as (
    select * from {{ ref('stg_salesforce__profile') }}
),

user_roles as (
    select * from {{ ref('stg_salesforce__user_role') }}
),

user_functions as (
    select * from {{ ref('salesforce__user_roles') }}
),

-- each user with its profile and user role names and the contract role the seed gives
-- them: the profile's row wins over the user role's
roled as (
    select
        users.*,
        profiles.profile_name,
        user_roles.user_role_name,
        coalesce(by_profile.role, by_user_role.role) as contract_role
    from users
    left join profiles
        on users.profile_id = profiles.profile_id
    left join user_roles
        on users.user_role_id = user_roles.user_role_id
    {{ salesforce_mapping_join('user_functions', 'by_profile', 'profiles.profile_name', "'profile.name'") }}
    {{ salesforce_mapping_join('user_functions', 'by_user_role', 'user_roles.user_role_name', "'user_role.name'") }}
),

-- the contract's users as text; Salesforce holds no hire nor termination date
final as (
    select
        {{ crm_text('user_id') }} as user_id,
        {{ crm_text('full_name') }} as full_name,
        {{ crm_text('email') }} as email,
        -- role is a keyword, and the contract's name of the column
        {{ crm_text('contract_role') }} as role,  -- noqa: RF04
        {{ crm_text('user_role_id') }} as team_id,
        {{ crm_text('manager_id') }} as manager_id,
        cast(null as {{ dbt.type_string() }}) as hired_on,
        cast(null as {{ dbt.type_string() }}) as terminated_on,
        {{ crm_text('is_deleted') }} as is_deleted,
        {{ crm_text('updated_at') }} as updated_at,
        case
            when contract_role is null
                then coalesce(
                        {{ crm_unmapped_value("'profile.name'", 'profile_name') }},
                        {{ crm_unmapped_value("'user_role.name'", 'user_role_name') }}
                    )
        end as unmapped_value
    from roled
)

select * from final
