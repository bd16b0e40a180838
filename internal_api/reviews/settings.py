"""The reviews' settings read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class ReviewsApiSettings(ServiceSettings):
    review_page_url: str = Field(
        "http://localhost:5000/review/",
        pattern=r"^https?://[^/?#]+/([^?#]*/)?$",
        description="the dashboard's public review page (ending in /), a page's token appended: "
        "where review requests' short links lead",
    )
    ai_service_url: str = Field(
        "http://127.0.0.1:5010", description="the AI service, which drafts review replies"
    )
    reviews_timeout_seconds: float = Field(
        15, gt=0, description="how long the external API (Google) and the AI service may take"
    )
