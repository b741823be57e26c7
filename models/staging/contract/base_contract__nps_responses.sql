{{ crm_contract_as_text('nps_responses') }}
