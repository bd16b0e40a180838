from tests.internal_api.chain import module_chain, start_api

__all__ = ["module_chain", "start_api"]
