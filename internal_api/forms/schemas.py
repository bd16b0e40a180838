from datetime import datetime
from typing import Annotated, Any, Self

import re2
from beanie import PydanticObjectId
from pydantic import (
    AfterValidator,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

from internal_api.fields import CurrencyCode, Name
from internal_api.public.cors import AllowedOrigin
from shared.domain.forms.answers import MAX_TEXT
from shared.domain.forms.schemas import SubmissionRead
from shared.models.form import CaptchaProvider, FieldKind, FieldRules
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


def unique(items: list[str]) -> list[str]:
    if len(set(items)) != len(items):
        raise ValueError("each value once")
    return items


def sure(value: Any) -> Any:
    if value is None:
        raise ValueError("cannot be null")
    return value


Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
Option = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Target = Annotated[str, StringConstraints(max_length=100)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Origin = Annotated[AllowedOrigin, StringConstraints(max_length=300)]
FieldName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")]
Length = Annotated[int, Field(ge=0, le=MAX_TEXT)]
TEXTUAL_KINDS = (FieldKind.TEXT, FieldKind.HIDDEN, FieldKind.EMAIL)
SELECT_KINDS = (FieldKind.SELECT, FieldKind.MULTI_SELECT)


class RulesWrite(WriteModel):
    min_length: Length | None = None
    max_length: Length | None = None
    min: float | None = Field(None, allow_inf_nan=False)
    max: float | None = Field(None, allow_inf_nan=False)
    pattern: str | None = Field(None, max_length=500, description="RE2 syntax, whole answer")

    @field_validator("pattern")
    @classmethod
    def compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re2.compile(pattern)
            except re2.error as error:
                raise ValueError(f"not a pattern RE2 reads: {error}") from None
        return pattern

    @model_validator(mode="after")
    def bounds_in_order(self) -> Self:
        for low, high in (("min_length", "max_length"), ("min", "max")):
            bounds = getattr(self, low), getattr(self, high)
            if None not in bounds and bounds[0] > bounds[1]:
                raise ValueError(f"{low} is more than {high}")
        return self


class FieldWrite(WriteModel):
    key: Key
    kind: FieldKind
    label: Label
    required: bool = False
    placeholder: Text | None = None
    help_text: Text | None = None
    options: Annotated[list[Option], Field(max_length=200), AfterValidator(unique)] = Field(
        [], description="a select's or multi-select's allowed answers (at least one)"
    )
    default: Text | None = Field(None, description="a hidden field's value when none is sent")
    rules: RulesWrite = RulesWrite()
    maps_to: Target | None = Field(
        None,
        description="first_name, last_name, full_name, emails, phones, website, "
        "address.<street|city|region|postal_code|country> or custom.<key>",
    )

    @model_validator(mode="after")
    def fits_its_kind(self) -> Self:
        """Options for selects alone, rules for the kinds they check, a default for hidden."""
        if (self.kind in SELECT_KINDS) != bool(self.options):
            raise ValueError("a select or multi-select has options, and only they do")
        rules = self.rules
        lengths = (rules.min_length, rules.max_length, rules.pattern)
        if self.kind not in TEXTUAL_KINDS and any(rule is not None for rule in lengths):
            raise ValueError(f"lengths and patterns check {', '.join(TEXTUAL_KINDS)} fields")
        if self.kind is not FieldKind.NUMBER and (rules.min, rules.max) != (None, None):
            raise ValueError("min and max check number fields")
        if self.default is not None and self.kind is not FieldKind.HIDDEN:
            raise ValueError("only a hidden field has a default")
        return self


class StepWrite(WriteModel):
    title: Text = ""
    fields: Annotated[list[FieldWrite], Field(min_length=1, max_length=100)]


Steps = Annotated[list[StepWrite], Field(min_length=1, max_length=20)]


class AfterSubmitWrite(WriteModel):
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None
    redirect_url: Annotated[HttpUrl, Field(max_length=2000)] | None = Field(
        None, description="http or https"
    )

    @model_validator(mode="after")
    def one_or_the_other(self) -> Self:
        if self.message and self.redirect_url:
            raise ValueError("a thank-you message or a redirect URL, not both")
        return self


class DealToOpenWrite(WriteModel):
    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    value: int = Field(0, ge=0, description="in the currency's minor units (cents)")
    currency: CurrencyCode = "USD"


class CaptchaWrite(WriteModel):
    provider: CaptchaProvider
    site_key: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    secret: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


Ids = Annotated[list[PydanticObjectId], Field(max_length=50)]
Tags = Annotated[list[Tag], Field(max_length=20)]
Origins = Annotated[list[Origin], Field(max_length=50)]
FillSeconds = Annotated[int, Field(ge=0, le=3600)]
PerIp = Annotated[int, Field(ge=1, le=1000)]
PerForm = Annotated[int, Field(ge=1, le=100_000)]


class FormCreate(WriteModel):
    name: Name
    steps: Steps
    after_submit: AfterSubmitWrite = AfterSubmitWrite()
    notify_user_ids: Ids = Field([], description="told of each lead; none: every member")
    tags: Tags = Field([], description="added to the contact")
    deal: DealToOpenWrite | None = Field(None, description="a deal opened per submission")
    allowed_origins: Origins = Field([], description="exact origins; none: any")
    captcha: CaptchaWrite | None = None
    honeypot_field: FieldName = "_hp"
    min_fill_seconds: FillSeconds = 2
    rate_limit_per_ip_per_minute: PerIp = 10
    rate_limit_per_minute: PerForm = 120


class FormUpdate(WriteModel):
    """Only the fields sent change; `deal` and `captcha` null remove them. New steps make a
    new version of the definition."""

    name: Name | None = None
    steps: Steps | None = None
    after_submit: AfterSubmitWrite | None = None
    notify_user_ids: Ids | None = None
    tags: Tags | None = None
    deal: DealToOpenWrite | None = None
    allowed_origins: Origins | None = None
    captcha: CaptchaWrite | None = None
    honeypot_field: FieldName | None = None
    min_fill_seconds: FillSeconds | None = None
    rate_limit_per_ip_per_minute: PerIp | None = None
    rate_limit_per_minute: PerForm | None = None

    # Runs only on fields sent: null removes the deal or the captcha, and nothing else.
    _sure = field_validator(
        "name",
        "steps",
        "after_submit",
        "notify_user_ids",
        "tags",
        "allowed_origins",
        "honeypot_field",
        "min_fill_seconds",
        "rate_limit_per_ip_per_minute",
        "rate_limit_per_minute",
    )(sure)


class FieldRead(ReadModel):
    key: str
    kind: FieldKind
    label: str
    required: bool
    placeholder: str | None
    help_text: str | None
    options: list[str]
    default: str | None
    rules: FieldRules


class BuilderFieldRead(FieldRead):
    maps_to: str | None


class StepRead(ReadModel):
    title: str
    fields: list[BuilderFieldRead]


class PublicStepRead(ReadModel):
    title: str
    fields: list[FieldRead]


class AfterSubmitRead(ReadModel):
    message: str | None
    redirect_url: str | None


class DealToOpenRead(ReadModel):
    pipeline_id: IdStr
    stage_id: IdStr
    title: str | None
    value: int
    currency: str


class CaptchaRead(ReadModel):
    """The secret is never answered."""

    provider: CaptchaProvider
    site_key: str


class FormRead(DocumentRead):
    name: str
    steps: list[StepRead]
    version: int
    after_submit: AfterSubmitRead
    notify_user_ids: list[IdStr]
    tags: list[str]
    deal: DealToOpenRead | None
    allowed_origins: list[str]
    captcha: CaptchaRead | None
    honeypot_field: str
    min_fill_seconds: int
    rate_limit_per_ip_per_minute: int
    rate_limit_per_minute: int
    archived_at: datetime | None


class FormVersionRead(DocumentRead):
    form_id: IdStr
    number: int
    steps: list[StepRead]


class SubmissionWithVersion(SubmissionRead):
    """The submission with the steps of the version it was made on, to show it as it was."""

    steps: list[StepRead]


class PublicFormRead(ReadModel):
    """What a page needs to render the form: never its recipients, tags, deal or secret."""

    id: IdStr
    name: str
    version: int
    steps: list[PublicStepRead]
    captcha: CaptchaRead | None
    honeypot_field: str
    after_submit: AfterSubmitRead


class SubmissionAccepted(ReadModel):
    id: IdStr = Field(description="the submission's id")
    message: str | None
    redirect_url: str | None
