"""A reply's text from a template: `{reviewer_name}` and `{business_name}` filled in (plain
replacement, so a template cannot reach anything else)."""

from shared.models.review import Review
from shared.models.review_reply_template import ReviewReplyTemplate

PLACEHOLDERS = ("{reviewer_name}", "{business_name}")


def filled(template: ReviewReplyTemplate, review: Review, business_name: str) -> str:
    reviewer = review.reviewer_name.split(" ")[0] if review.reviewer_name else "there"
    return template.text.replace("{reviewer_name}", reviewer).replace(
        "{business_name}", business_name
    )


def auto_reply_due(review: Review, min_rating: int) -> bool:
    return not review.reply and review.rating >= min_rating
