from external_api.integrations.framework.provider import Provider
from external_api.integrations.stripe.oauth import connect_flow
from external_api.integrations.stripe.routes import router
from shared.models.stripe_token import StripeToken

PROVIDER = Provider(
    name="stripe",
    title="Stripe",
    credential=StripeToken,
    base_url=lambda settings: settings.stripe.api_url,
    router=router,
    oauth=connect_flow,
)
