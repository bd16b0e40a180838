from tests.internal_api.self_service import jobs, module_app, nothing_counted, start_api  # noqa: F401
