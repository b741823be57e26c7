with

nps_responses as (
    select * from {{ ref('fct_nps_responses') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the answers of each spine month with at least one, by category
responses_by_month as (
    select
        nps_responses.response_month as month_start,
        count(*) as responses,
        sum(case when nps_responses.is_promoter then 1 else 0 end) as promoters,
        sum(case when nps_responses.is_passive then 1 else 0 end) as passives,
        sum(case when nps_responses.is_detractor then 1 else 0 end) as detractors
    from nps_responses
    inner join months
        on nps_responses.response_month = months.month_start
    group by nps_responses.response_month
),

-- promoters minus detractors
with_net_promoters as (
    select
        month_start,
        cast(responses as {{ dbt.type_bigint() }}) as responses,
        cast(promoters as {{ dbt.type_bigint() }}) as promoters,
        cast(passives as {{ dbt.type_bigint() }}) as passives,
        cast(detractors as {{ dbt.type_bigint() }}) as detractors,
        cast(promoters - detractors as {{ dbt.type_bigint() }}) as net_promoters
    from responses_by_month
),

final as (
    select
        -- numerics
        responses,
        promoters,
        passives,
        detractors,
        net_promoters,
        {{ rate_pct('net_promoters', 'responses') }} as nps,

        -- dates
        month_start
    from with_net_promoters
)

select * from final
