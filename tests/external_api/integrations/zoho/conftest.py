from tests.external_api.integrations.crm_more_app import (  # noqa: F401  (fixtures)
    crm_api,
    crm_app,
    fake,
    jobs,
    module_fake,
    module_jobs,
    module_recorded,
    module_waits,
    waits,
)
