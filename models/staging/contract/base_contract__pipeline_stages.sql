{{ crm_contract_as_text('pipeline_stages') }}
