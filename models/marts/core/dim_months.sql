{#- The month spine every mart shares (kpis.md): from the first month with data to the
    month of var as_of_date. Both bounds come from the event dates of the staged records
    (created_at, occurred_at, closed_at, responded_at, started_on); planned dates such as
    expected_close_date, a future ended_on, quotas or costs booked ahead don't count. -#}

with

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

contacts as (
    select * from {{ ref('stg_crm__contacts') }}
),

leads as (
    select * from {{ ref('stg_crm__leads') }}
),

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

nps_responses as (
    select * from {{ ref('stg_crm__nps_responses') }}
),

subscriptions as (
    select * from {{ ref('stg_crm__subscriptions') }}
),

-- every event timestamp that places data in time
event_times as (
    select created_at as event_at from accounts
    union all
    select created_at from contacts
    union all
    select created_at from leads
    union all
    select created_at from opportunities
    union all
    select closed_at from opportunities
    union all
    select occurred_at from activities
    union all
    select responded_at from nps_responses
    union all
    select cast(started_on as {{ dbt.type_timestamp() }}) from subscriptions
),

-- first month with data, and the as_of month (var as_of_date, else the latest event)
bounds as (
    select
        {{ month_start('min(event_at)') }} as first_month,
        {%- if var('as_of_date') %}
        {{ month_start("cast('" ~ var('as_of_date') ~ "' as date)") }} as last_month
        {%- else %}
        {{ month_start('max(event_at)') }} as last_month
        {%- endif %}
    from event_times
),

-- up to 100 years of months
month_numbers as (
    {{ dbt.generate_series(1200) }}
),

-- the months from the first one on, with the as_of month each is compared with
months as (
    select
        cast({{ dbt.dateadd('month', 'month_numbers.generated_number - 1', 'bounds.first_month') }} as date) as month_start,
        bounds.last_month
    from month_numbers
    cross join bounds
),

final as (
    select
        -- dates
        month_start,
        cast({{ dbt.last_day('month_start', 'month') }} as date) as month_end,
        cast({{ dbt.dateadd('month', -1, 'month_start') }} as date) as previous_month_start,

        -- booleans
        month_start = last_month as is_as_of_month
    from months
    where month_start <= last_month
)

select * from final
