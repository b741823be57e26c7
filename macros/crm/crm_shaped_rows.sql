{#- The raw rows of contract table `table_name` in the contract's shape, from the CRM that
    var crm_source names: the model base_<crm_source>__<table_name> of
    models/staging/<crm_source>/ (one row per raw record, every contract column as text). -#}
{% macro crm_shaped_rows(table_name) -%}
    {{ ref('base_' ~ var('crm_source') ~ '__' ~ table_name) }}
{%- endmacro %}
