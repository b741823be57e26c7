{#- Money computed from other money (a conversion, a weighting) rounded explicitly to the
    scale of type_decimal and kept in it: every engine then stores the same digits, and
    sums of money stay exact. -#}
{% macro round_money(amount) -%}
    cast(round({{ amount }}, 6) as {{ type_decimal() }})
{%- endmacro %}
