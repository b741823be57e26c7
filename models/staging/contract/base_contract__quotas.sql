{{ crm_contract_as_text('quotas') }}
