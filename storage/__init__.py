"""Every line of newsbot's SQL: schema, migrations and table-level repositories."""
