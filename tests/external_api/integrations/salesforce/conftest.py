from tests.external_api.integrations.crm_sync.conftest import account_id, crm

__all__ = ["account_id", "crm"]
