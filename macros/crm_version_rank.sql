{#- Rank of each version of a record in a re-sync: 1 = the latest `updated_at` (the truth).
    Copies with the same updated_at, or in tables without one, are ordered on their
    whole content so the kept copy is deterministic; nulls sort last everywhere (Spark
    sorts them first by default, DuckDB and PostgreSQL last). -#}
{% macro crm_version_rank(columns, latest_by=none) -%}
    row_number() over (
        partition by record_id
        order by
            {%- if latest_by %} {{ latest_by }} desc nulls last,{% endif %}
            {{ columns | join(' nulls last, ') }} nulls last
    )
{%- endmacro %}
