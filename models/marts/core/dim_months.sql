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
        {{ month_start("cast('" ~ var('as_of_date') ~ "' as date)") }} as last_month,
        {%- else %}
        {{ month_start('max(event_at)') }} as last_month,
        {%- endif %}
        {%- if var('as_of_date') %}
        cast('{{ var('as_of_date') }}' as date) as as_of_date
        {%- else %}
        cast(max(event_at) as date) as as_of_date
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
        bounds.last_month,
        bounds.as_of_date
    from month_numbers
    cross join bounds
),

-- spine months with their place in the fiscal year (var fiscal_year_start_month)
spine_months as (
    select
        month_start,
        last_month,
        as_of_date,
        mod(
            cast(extract(month from month_start) as {{ dbt.type_int() }})
            - {{ var('fiscal_year_start_month') }} + 12,
            12
        ) as months_into_fiscal_year
    from months
    where month_start <= last_month
),

-- the fiscal quarter and year each month belongs to
fiscal_periods as (
    select
        spine_months.*,
        cast({{ dbt.dateadd('month', '-1 * months_into_fiscal_year', 'month_start') }} as date) as fiscal_year_start,
        cast({{ dbt.dateadd('month', '-1 * mod(months_into_fiscal_year, 3)', 'month_start') }} as date) as fiscal_quarter_start,
        cast({{ dbt.last_day('month_start', 'month') }} as date) as month_end
    from spine_months
),

final as (
    select
        -- numerics
        cast(extract(year from fiscal_year_start) as {{ dbt.type_int() }}) as fiscal_year,
        1 + cast((months_into_fiscal_year - mod(months_into_fiscal_year, 3)) / 3 as {{ dbt.type_int() }}) as fiscal_quarter,

        -- booleans
        month_start = last_month as is_as_of_month,
        month_end <= as_of_date as is_complete,

        -- dates
        month_start,
        month_end,
        cast({{ dbt.dateadd('month', -1, 'month_start') }} as date) as previous_month_start,
        fiscal_quarter_start,
        fiscal_year_start,
        as_of_date
    from fiscal_periods
)

select * from final
