from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]
