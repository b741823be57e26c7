{{ crm_optional_contract_as_text('exchange_rates') }}
