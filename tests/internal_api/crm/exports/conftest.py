from tests.internal_api.crm.csv_jobs import api

__all__ = ["api"]
