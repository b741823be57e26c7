{{ crm_optional_contract_as_text('subscriptions') }}
