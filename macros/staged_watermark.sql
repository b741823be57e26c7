{#- The latest staged_at of the incremental model being built (none on a full build, or
    while parsing): what it already holds of the staging it follows. -#}
{% macro staged_watermark() -%}
    {%- if execute and is_incremental() -%}
        {{ return(run_query('select max(staged_at) from ' ~ this).columns[0].values()[0]) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
