{{ crm_optional_contract_as_text('acquisition_costs') }}
