"""An account's Facebook (Graph API) connection: the user's long-lived token and the Pages it
manages, each with its own Page token (both sealed); lead ads webhooks name a Page, which finds
the account."""

from pydantic import BaseModel
from pymongo import ASCENDING, IndexModel

from shared.models.integration_credential import OAuthCredential


class FacebookPage(BaseModel):
    id: str
    name: str = ""
    category: str = ""
    access_token: str = ""  # sealed Page token
    leads_subscribed: bool = False


class FacebookToken(OAuthCredential):
    pages: list[FacebookPage] = []

    class Settings:
        name = "facebook_tokens"
        indexes = [IndexModel([("pages.id", ASCENDING)])]
