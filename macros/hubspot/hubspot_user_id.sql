{#- The user id of a HubSpot owner id: the id the seed hubspot__owners gives the owner (the
    id quotas and targets use), else the owner id itself, as text. `owners` is the alias of
    the seed, joined on owner_id. -#}
{% macro hubspot_user_id(owner_column, owners) -%}
    coalesce({{ owners }}.user_id, cast({{ owner_column }} as {{ dbt.type_string() }}))
{%- endmacro %}
