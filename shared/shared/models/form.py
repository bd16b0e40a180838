"""An account's lead-capture form: its current definition (steps of typed fields, each mapped
to a contact field or a custom field), what a submission does (tags, a deal, who is told),
and the settings its public pages use (origins, captcha, spam checks, rate limits).

The definition is versioned: `version` is the number of the current one, and every version
(the current one included) is kept as a `FormVersion` snapshot, so a submission made on an
older version still reads as it was made. Archiving a form (`archived_at`) keeps it and its
submissions; its public pages answer 404.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class FieldKind(StrEnum):
    TEXT = "text"
    EMAIL = "email"
    PHONE = "phone"
    NUMBER = "number"
    SELECT = "select"
    MULTI_SELECT = "multi_select"
    CHECKBOX = "checkbox"
    DATE = "date"
    HIDDEN = "hidden"  # filled by the page (UTM parameters, a campaign), not by the visitor
    CONSENT = "consent"  # a checkbox whose label is the text agreed to, kept with the answer


class FieldRules(BaseModel):
    """Checks on an answer beyond its kind: lengths of text, bounds of a number, a pattern
    (RE2 syntax, matched against the whole answer)."""

    min_length: int | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    pattern: str | None = None


class FormField(BaseModel):
    key: str  # what answers are keyed by; unique in the form
    kind: FieldKind
    label: str
    required: bool = False
    placeholder: str | None = None
    help_text: str | None = None
    options: list[str] = []  # the allowed answers of a select or multi-select
    default: str | None = None  # a hidden field's value when the page sends none
    rules: FieldRules = FieldRules()
    # The contact field the answer is written to (`first_name`, `emails`, `address.city`,
    # `custom.<key>`; see shared.domain.forms.mapping), or None to keep it on the submission.
    maps_to: str | None = None


class FormStep(BaseModel):
    title: str = ""
    fields: list[FormField]


class AfterSubmit(BaseModel):
    """What the visitor sees once the form is sent: a message, or a page they are sent to."""

    message: str | None = None
    redirect_url: str | None = None  # http or https


class DealToOpen(BaseModel):
    """A deal opened for each submission, on this stage, linked to the contact."""

    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId
    title: str | None = None  # "<form name>: <contact's name>" when None
    value: int = 0  # in the currency's minor units
    currency: str = "USD"


class CaptchaProvider(StrEnum):
    HCAPTCHA = "hcaptcha"
    TURNSTILE = "turnstile"


class Captcha(BaseModel):
    provider: CaptchaProvider
    site_key: str  # public: the page renders the widget with it
    sealed_secret: str  # sealed with FORM_ENCRYPTION_KEYS; never answered


class Form(TenantDocument):
    name: str
    steps: list[FormStep]
    version: int = 1
    after_submit: AfterSubmit = AfterSubmit()
    notify_user_ids: list[PydanticObjectId] = []  # told of each lead; none: every member
    tags: list[str] = []  # added to the contact
    deal: DealToOpen | None = None
    # Public pages: the origins whose pages may post it (exact, `https://example.com`; none:
    # any), the captcha to pass, the spam checks and the rate limits.
    allowed_origins: list[str] = []
    captcha: Captcha | None = None
    honeypot_field: str = "_hp"
    min_fill_seconds: int = 2
    rate_limit_per_ip_per_minute: int = 10
    rate_limit_per_minute: int = 120
    archived_at: datetime | None = None

    @property
    def fields(self) -> list[FormField]:
        """Every field of every step, in order."""
        return [field for step in self.steps for field in step.fields]

    class Settings:
        name = "forms"
        use_state_management = True
        indexes = [
            # The builder's list, live or archived, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("archived_at", ASCENDING), ("created_at", DESCENDING)]
            ),
            # Every form, archived or not, newest first.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]


class FormVersion(TenantDocument):
    """One version of a form's definition, as it was."""

    form_id: PydanticObjectId
    number: int
    steps: list[FormStep]

    class Settings:
        name = "form_versions"
        indexes = [
            # One snapshot per number (two editors racing store one); a form's, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("form_id", ASCENDING), ("number", DESCENDING)],
                unique=True,
            )
        ]
