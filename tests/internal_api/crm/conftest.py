from tests.internal_api.crm.csv_jobs import start_files_api, worker
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api", "start_files_api", "worker"]
