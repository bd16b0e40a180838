"""An account's Facebook (Graph API) connection: the user's long-lived token and the Pages it
manages, each with its own Page token (both sealed); lead ads webhooks name a Page, which finds
the account."""

from collections.abc import Callable

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

    def reseal(self, rotate: Callable[[str], str]) -> None:
        super().reseal(rotate)
        for page in self.pages:
            page.access_token = rotate(page.access_token) if page.access_token else ""

    class Settings:
        name = "facebook_tokens"
        indexes = [IndexModel([("pages.id", ASCENDING)])]
