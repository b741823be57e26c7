{{ crm_optional_contract_as_text('nps_responses') }}
