from external_api.integrations.constant_contact.oauth import constant_contact_flow
from external_api.integrations.constant_contact.reports import NAME
from external_api.integrations.constant_contact.routes import router
from external_api.integrations.framework.provider import Provider
from shared.models.email_list_sync import ConstantContactToken

PROVIDER = Provider(
    name=NAME,
    title="Constant Contact",
    credential=ConstantContactToken,
    base_url=lambda settings: settings.constant_contact.api_url,
    router=router,
    oauth=constant_contact_flow,
)
