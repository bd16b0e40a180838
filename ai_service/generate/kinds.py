"""The kinds of text the service writes: each a typed input, a versioned prompt, an output.

A prompt is a Jinja2 template in `prompts/`, named `<kind>.v<n>.j2`. Changing a prompt's
wording means a new file and a new version here, so an answer can be traced to its prompt.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ai_service.generate.schemas import (
    ContactNoteSummary,
    ContactNoteSummaryInput,
    ConversationSummary,
    ConversationSummaryInput,
    EmailDraft,
    EmailDraftInput,
    GeneratedOutput,
    GenerateInput,
    ReviewReply,
    ReviewReplyInput,
    SeoMeta,
    SeoMetaInput,
    SmsDraft,
    SmsDraftInput,
    SocialPost,
    SocialPostInput,
)
from ai_service.provider import Message

SYSTEM_PROMPT = (
    "You write for a digital-marketing agency on behalf of its clients' businesses. "
    "Write in the language of the material you are given. "
    "Answer only with JSON in the requested shape, respecting every length limit."
)

# Prompts are plain text, not HTML: nothing to escape. A missing variable is an error.
prompts = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "prompts"),
    undefined=StrictUndefined,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Kind:
    name: str  # as in the path: /v1/ai/generate/{name}
    inputs: type[GenerateInput]
    output: type[GeneratedOutput]
    prompt_version: str  # the template's file name without `.j2`

    def messages(self, inputs: GenerateInput) -> list[Message]:
        prompt = prompts.get_template(f"{self.prompt_version}.j2").render(inputs.model_dump())
        return [Message(role="system", content=SYSTEM_PROMPT), Message(role="user", content=prompt)]

    def response_format(self) -> dict[str, Any]:
        """Structured outputs: the provider constrains the answer to the output's schema."""
        return {
            "type": "json_schema",
            "json_schema": {
                "name": self.output.__name__,
                "strict": True,
                "schema": self.output.model_json_schema(),
            },
        }


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("review-reply", ReviewReplyInput, ReviewReply, "review_reply.v1"),
        Kind("email-draft", EmailDraftInput, EmailDraft, "email_draft.v1"),
        Kind("sms-draft", SmsDraftInput, SmsDraft, "sms_draft.v1"),
        Kind("social-post", SocialPostInput, SocialPost, "social_post.v1"),
        Kind("seo-meta", SeoMetaInput, SeoMeta, "seo_meta.v1"),
        Kind(
            "conversation-summary",
            ConversationSummaryInput,
            ConversationSummary,
            "conversation_summary.v1",
        ),
        Kind(
            "contact-note-summary",
            ContactNoteSummaryInput,
            ContactNoteSummary,
            "contact_note_summary.v1",
        ),
    )
}
