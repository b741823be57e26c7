{#- Pre-hook of an incremental fact built from an incremental staging model: before the
    run appends what staging staged since the fact's latest staged_at, remove every row of
    the fact whose record staging touched since then (re-synced, changed, soft-deleted or
    quarantined), so the append puts back exactly the staged ones. Nothing on a full build.
    Rendered when the hook runs, before the fact's new rows are read. -#}
{% macro forget_restaged(staging, key_column) -%}
    {%- set watermark = staged_watermark() -%}
    {%- if watermark is not none -%}
    delete from {{ this }}
    where {{ key_column }} in (
        select version_key
        from {{ staging }}
        where staged_at > cast('{{ watermark }}' as {{ dbt.type_timestamp() }})
    )
    {%- else -%}
    select 1 as nothing_to_forget
    {%- endif -%}
{%- endmacro %}
