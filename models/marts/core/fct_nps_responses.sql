with

nps_responses as (
    select * from {{ ref('stg_crm__nps_responses') }}
),

-- each answer classified: promoter 9–10, passive 7–8, detractor 0–6
classified as (
    select
        *,
        score >= 9 as is_promoter,
        score between 7 and 8 as is_passive,
        score <= 6 as is_detractor
    from nps_responses
),

final as (
    select
        -- ids
        response_id,
        coalesce(account_id, 'unknown') as account_id,
        contact_id,

        -- numerics
        score,

        -- booleans
        is_promoter,
        is_passive,
        is_detractor,

        -- dates
        {{ month_start('responded_at') }} as response_month,

        -- timestamps
        responded_at
    from classified
)

select * from final
