"""The CRM: contacts and businesses, custom fields, tags, pipelines and deals, notes."""
