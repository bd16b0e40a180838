from tests.internal_api.reports.conftest import api, module_api, owner, stranger  # noqa: F401
