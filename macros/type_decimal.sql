{#- The fixed-point type of money, rates and probabilities: decimal(28, 6) on every engine
    (the contract says decimal), so sums are exact and two builds give the same digits. -#}
{% macro type_decimal() -%}
    decimal(28, 6)
{%- endmacro %}
