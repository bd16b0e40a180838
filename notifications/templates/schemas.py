from typing import Annotated, Literal

from pydantic import Field, computed_field

from notifications.templates.variables import variables_of
from shared.models.notification_template import Channel
from shared.utilities.schemas import DocumentRead, ReadModel, WriteModel

EVENT_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
# Template variables: names Jinja2 and MongoDB take as they are, values of a bounded size.
VariableName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
Scalar = Annotated[str, Field(max_length=10_000)] | int | float | bool | None


class TemplateCreate(WriteModel):
    event: str = Field(pattern=EVENT_PATTERN, description="the kind of notification")
    channel: Channel
    subject: str = Field("", max_length=1000, description="email subject or push title")
    text: str = Field(min_length=1, max_length=100_000)
    html: str = Field("", max_length=500_000, description="email only")
    marketing: bool = False
    sensitive: bool = Field(False, description="holds a secret: the log hides the body")


class TemplateUpdate(WriteModel):
    subject: str | None = Field(None, max_length=1000)
    text: str | None = Field(None, min_length=1, max_length=100_000)
    html: str | None = Field(None, max_length=500_000)
    marketing: bool | None = None
    sensitive: bool | None = None


class TemplateFields(ReadModel):
    event: str
    channel: Channel
    subject: str
    text: str
    html: str
    marketing: bool
    sensitive: bool

    @computed_field(description="what a send must give in `data`: every one, or it is refused")
    def required_variables(self) -> list[str]:
        return list(variables_of(self.subject, self.text, self.html).required)

    @computed_field(description="what the template uses when given (it tests or defaults them)")
    def optional_variables(self) -> list[str]:
        return list(variables_of(self.subject, self.text, self.html).optional)


class TemplateRead(TemplateFields, DocumentRead):
    """One of the account's own templates."""

    is_default: Literal[False] = False


class DefaultTemplateRead(TemplateFields):
    """A template of the default set, used where the account has none of its own."""

    is_default: Literal[True] = True


class PreviewRequest(WriteModel):
    event: str = Field(pattern=EVENT_PATTERN)
    channel: Channel
    data: dict[VariableName, Scalar] = Field({}, max_length=100)


class PreviewRead(ReadModel):
    subject: str
    text: str
    html: str
