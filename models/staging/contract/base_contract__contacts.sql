{{ crm_contract_as_text('contacts') }}
