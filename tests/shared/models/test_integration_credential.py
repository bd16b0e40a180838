"""Provider credentials: when an access token counts as expiring, and which fields are sealed."""

from datetime import timedelta

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.google_analytics_token import GoogleAnalyticsToken
from shared.models.integration_credential import ApiKeyCredential


def token(**fields) -> GoogleAnalyticsToken:
    return GoogleAnalyticsToken(account_id=PydanticObjectId(), access_token="sealed", **fields)


def test_a_token_expiring_within_the_skew_counts_as_expiring(mongo):
    expiring = token(expires_at=utc_now() + timedelta(seconds=200))

    assert expiring.expires_within(timedelta(seconds=300))
    assert not expiring.expires_within(timedelta(seconds=100))


def test_a_token_without_an_expiry_never_counts_as_expiring(mongo):
    assert not token(expires_at=None).expires_within(timedelta(days=365))


def test_reseal_reaches_the_tokens_and_leaves_an_empty_one_empty(mongo):
    credential = token(refresh_token="")

    credential.reseal(lambda value: f"new:{value}")

    assert (credential.access_token, credential.refresh_token) == ("new:sealed", "")


def test_an_api_key_credential_reseals_its_key():
    credential = ApiKeyCredential.model_construct(api_key="sealed", key_hint="abcd")

    credential.reseal(lambda value: f"new:{value}")

    assert credential.api_key == "new:sealed"
