from external_api.integrations.framework.provider import Provider
from external_api.integrations.mailchimp.client import NAME
from external_api.integrations.mailchimp.oauth import mailchimp_flow
from external_api.integrations.mailchimp.routes import router
from shared.models.email_list_sync import MailchimpToken

PROVIDER = Provider(
    name=NAME,
    title="Mailchimp",
    credential=MailchimpToken,
    # The login server (OAuth, metadata); the API is called at each connection's data centre.
    base_url=lambda settings: settings.mailchimp.login_url,
    router=router,
    oauth=mailchimp_flow,
)
