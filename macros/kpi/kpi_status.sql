{#- Where a KPI value stands against a reference (a target or a benchmark), in the KPI's
    better direction (kpis.md, kpi_scorecard): `on_track` when it meets the reference,
    `at_risk` when it misses by no more than tolerance_pct percent of the reference,
    `off_track` beyond; `no_target` when there is no reference, `no_data` when the value is
    null. -#}
{% macro kpi_status(value, reference, direction, tolerance_pct) -%}
    case
        when {{ reference }} is null then 'no_target'
        when {{ value }} is null then 'no_data'
        when {{ direction }} = 'lower_is_better' then
            case
                when {{ value }} <= {{ reference }} then 'on_track'
                when {{ value }} <= {{ reference }} + abs({{ reference }}) * {{ tolerance_pct }} / 100.0 then 'at_risk'
                else 'off_track'
            end
        else
            case
                when {{ value }} >= {{ reference }} then 'on_track'
                when {{ value }} >= {{ reference }} - abs({{ reference }}) * {{ tolerance_pct }} / 100.0 then 'at_risk'
                else 'off_track'
            end
    end
{%- endmacro %}
