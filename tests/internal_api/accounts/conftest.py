from tests.internal_api.self_service import jobs, nothing_counted, start_api  # noqa: F401
