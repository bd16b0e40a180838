"""The support inbox's settings, read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class SupportSettings(ServiceSettings):
    support_account_id: str = Field(
        "",
        pattern=r"^([0-9a-f]{24})?$",
        description="the account whose users are the platform's support team, which accounts "
        "without an agency (or choosing it) ask for help; empty: no platform support",
    )
    support_bots_file: str = Field(
        "",
        description="a JSON file of the support bot's first answers (keywords to answer) read at "
        "start-up in place of internal_api/support/bots.json",
    )
