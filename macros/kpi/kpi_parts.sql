{#- The parts of the KPIs whose values come from the KPI mart `mart` (kpi_catalog.source_mart),
    month by month: numerator and denominator summed over the mart's rows, per person when
    the catalogue names the mart column the KPI is attributed to (scope_column: a user for
    user_id / owner_id, a team for team_id). Reads the mart from the calling model's import
    CTE of the same name. Columns: kpi_name, user_id, team_id (null when not that scope),
    month_start, numerator, denominator (null for a count or an amount), both type_decimal
    (a double such as ltv rounded to 6 decimals) so that every later sum is exact. -#}
{% macro kpi_parts(mart) -%}
    {%- set entries = kpi_catalog_entries(source_mart=mart) -%}
    {%- if execute and entries | length == 0 -%}
        {{ exceptions.raise_compiler_error('kpi_parts: no KPI of kpi_catalog has source_mart = ' ~ mart) }}
    {%- endif -%}
    {%- set null_text = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
    {%- set null_part = 'cast(null as ' ~ type_decimal() ~ ')' -%}
    {%- for entry in entries %}
    {%- set person = entry.scope_column %}
    select
        '{{ entry.kpi_name }}' as kpi_name,
        {{ person if person in ('user_id', 'owner_id') else null_text }} as user_id,
        {{ person if person == 'team_id' else null_text }} as team_id,
        month_start,
        {{ sum_decimal(round_money(entry.numerator_column)) }} as numerator,
        {{ sum_decimal(round_money(entry.denominator_column)) if entry.denominator_column else null_part }} as denominator
    from {{ mart }}
    group by month_start{{ ', ' ~ person if person }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- else %}
    select {{ null_text }} as kpi_name, {{ null_text }} as user_id, {{ null_text }} as team_id,
        cast(null as date) as month_start, {{ null_part }} as numerator, {{ null_part }} as denominator
    {%- endfor %}
{%- endmacro %}
