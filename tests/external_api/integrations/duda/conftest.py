from tests.external_api.platform_app import (
    module_platform_api,
    module_platform_fake,
    module_platform_recorded,
    platform_api,
    platform_fake,
)

__all__ = [
    "module_platform_api",
    "module_platform_fake",
    "module_platform_recorded",
    "platform_api",
    "platform_fake",
]
