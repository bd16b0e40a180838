"""The inputs and the output of each kind of generated text, and the answer's shape.

Inputs are checked before the model is called (422 names each bad field). Outputs are sent to
the provider as a strict JSON schema, so the model answers in exactly that shape, and checked
again on the way back, length limits included.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ai_service.usage.schemas import TokensUsed
from shared.utilities.schemas import ReadModel, WriteModel

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]
Tone = Literal["professional", "friendly", "casual", "apologetic"]


class GenerateInput(WriteModel):
    """A kind's inputs: a request body."""


class ReviewReplyInput(GenerateInput):
    business_name: Name
    reviewer_name: Name | None = None
    rating: int = Field(ge=1, le=5)
    review_text: Text
    tone: Tone = "professional"


class EmailDraftInput(GenerateInput):
    business_name: Name
    purpose: Text
    recipient_name: Name | None = None
    tone: Tone = "professional"


class SmsDraftInput(GenerateInput):
    business_name: Name
    purpose: Text
    recipient_name: Name | None = None


class SocialPostInput(GenerateInput):
    business_name: Name
    topic: Text
    platform: Literal["facebook", "instagram", "linkedin", "x", "google_business"]
    tone: Tone = "friendly"


class SeoMetaInput(GenerateInput):
    business_name: Name
    page_content: Text
    keywords: list[Name] = Field([], max_length=10)


class ConversationMessage(WriteModel):
    sender: Name
    text: Text


class ConversationSummaryInput(GenerateInput):
    messages: list[ConversationMessage] = Field(min_length=1, max_length=200)


class ContactNoteSummaryInput(GenerateInput):
    contact_name: Name
    notes: list[Text] = Field(min_length=1, max_length=100)


class GeneratedOutput(BaseModel):
    """Strict JSON schema rules: every field required, no other field allowed."""

    model_config = ConfigDict(extra="forbid")


class ReviewReply(GeneratedOutput):
    reply: str = Field(max_length=1500, description="the public reply to the review")


class EmailDraft(GeneratedOutput):
    subject: str = Field(max_length=120)
    body: str = Field(max_length=5000, description="plain text, greeting and sign-off included")


class SmsDraft(GeneratedOutput):
    text: str = Field(max_length=160, description="one SMS segment")


class SocialPost(GeneratedOutput):
    text: str = Field(max_length=2200, description="the post, without its hashtags")
    hashtags: list[str] = Field(max_length=10, description="each starting with #")


class SeoMeta(GeneratedOutput):
    title: str = Field(max_length=60, description="the page's <title>")
    meta_description: str = Field(max_length=160, description="the page's meta description")


class ConversationSummary(GeneratedOutput):
    summary: str = Field(max_length=1500)
    next_steps: list[str] = Field(max_length=5, description="what the agent should do next")


class ContactNoteSummary(GeneratedOutput):
    summary: str = Field(max_length=1000)


class GeneratedRead(ReadModel):
    kind: str
    prompt_version: str = Field(examples=["seo_meta.v1"])
    model: str
    result: dict[str, Any]
    usage: TokensUsed
