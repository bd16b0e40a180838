"""The settings of e-documents, read alike by the internal API (which sends documents and
takes signatures) and the queue manager (which prints the final PDF and sends reminders).
Each service requires EDOCS_LINK_KEY in distributed mode where it makes links (its settings
say when)."""

from typing import Annotated

from pydantic import Field, PositiveInt

from shared.utilities.pdf import DEFAULT_CHROMIUM
from shared.utilities.settings import ServiceSettings, common


class EdocsSettings(ServiceSettings):
    edocs_link_key: str = common(
        "EDOCS_LINK_KEY",
        "",
        "secret (32+ random bytes) signing the links mailed to a document's signers; the "
        "internal API and the queue manager; empty in embedded mode uses a development secret",
    )
    edocs_expiry_days: PositiveInt = common(
        "EDOCS_EXPIRY_DAYS", 30, "days a sent document may be signed, unless its sender says"
    )
    edocs_reminder_interval_hours: PositiveInt = common(
        "EDOCS_REMINDER_INTERVAL_HOURS",
        48,
        "hours between reminders to a signer who has not signed (QM_EDOCS)",
    )
    edocs_max_reminders: Annotated[int, Field(ge=0)] = common(
        "EDOCS_MAX_REMINDERS", 3, "reminders a signer who has not signed gets at most"
    )
    chromium_path: str = common(
        "CHROMIUM_PATH", DEFAULT_CHROMIUM, "the Chromium that prints PDFs (Debian's chromium)"
    )
