from tests.internal_api.crm.csv_jobs import api, start_files_api

__all__ = ["api", "start_files_api"]
