{{ crm_contract_as_text('opportunity_stage_history') }}
