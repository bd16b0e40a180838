"""Key rotation: everything stored is sealed again with the first key, so the old one can go."""

from cryptography.fernet import Fernet

from external_api.integrations.framework.rotation import reseal_all
from external_api.integrations.registry import PROVIDERS
from shared.models.facebook_token import FacebookPage, FacebookToken
from shared.models.google_ads_token import GoogleAdsToken
from shared.utilities.encryption import SecretBox
from tests.external_api.conftest import ENCRYPTION_KEY
from tests.external_api.factories import BOX, create_connection, new_account_id

NEW_KEY = Fernet.generate_key().decode()


async def test_every_secret_opens_with_the_new_key_alone_after_resealing(mongo):
    ads = await create_connection("google-ads", new_account_id(), "ya29.ads", "1//ads")
    facebook = await create_connection("facebook", new_account_id(), "EAAB", "")
    facebook.pages = [FacebookPage(id="p1", access_token=BOX.seal("page-token"))]
    await facebook.save()

    resealed = await reseal_all(PROVIDERS, SecretBox.from_keys([NEW_KEY, ENCRYPTION_KEY]))

    new_only = SecretBox.from_keys([NEW_KEY])
    stored_ads = await GoogleAdsToken.get(ads.id)
    stored_facebook = await FacebookToken.get(facebook.id)
    assert resealed["google-ads"] == 1 and resealed["facebook"] == 1
    assert new_only.open(stored_ads.access_token) == "ya29.ads"
    assert new_only.open(stored_ads.refresh_token) == "1//ads"
    assert new_only.open(stored_facebook.access_token) == "EAAB"
    assert stored_facebook.refresh_token == ""
    assert new_only.open(stored_facebook.pages[0].access_token) == "page-token"
