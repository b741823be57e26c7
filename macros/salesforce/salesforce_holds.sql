{#- Whether the org holds the contract table `contract_table` in Salesforce: every object of
    `objects` was landed by the connector (quotas need Collaborative Forecasts' quota object,
    exchange rates the dated rates and currencies of advanced currency management). When it
    does not, the adapter reads the contract table of var crm_schema instead
    (crm_optional_contract_as_text). While dbt parses, the org is taken to hold it; when the
    contract tables are the bundled demo seeds (no crm_schema), the seed is declared then, so
    the adapter may read it. -#}
{% macro salesforce_holds(contract_table, objects) -%}
    {%- if not execute -%}
        {%- if var('crm_schema') is none and var('crm_path') is none -%}
            {%- do ref(contract_table) -%}
        {%- endif -%}
        {{ return(true) }}
    {%- endif -%}
    {%- for object_name in objects -%}
        {%- if not salesforce_object_is_present(object_name) -%}
            {{ return(false) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(true) }}
{%- endmacro %}
