"""The default templates of reputation and affiliates: a review request (email and SMS), a low
review's alert, the weekly reviews digest, an affiliate's invitation."""

from notifications.templates.sources import DefaultTemplate, email_html
from shared.models.notification_template import Channel

REPUTATION_TEMPLATES = (
    DefaultTemplate(
        event="review_request",
        channel=Channel.EMAIL,
        marketing=True,
        subject="How was your visit to {{ business_name }}?",
        text="Hi {{ contact_name }},\n\nThank you for choosing {{ business_name }}. Would you "
        "tell us how it went? It takes a minute:\n{{ review_url }}\n",
        html=email_html(
            "<p>Hi {{ contact_name }},</p><p>Thank you for choosing {{ business_name }}. Would "
            "you tell us how it went? It takes a minute.</p>"
            '<p><a href="{{ review_url }}">Leave a review</a></p>'
        ),
    ),
    DefaultTemplate(
        event="review_request",
        channel=Channel.SMS,
        text="{{ business_name }}: thanks for your visit! How did we do? {{ review_url }}",
    ),
    DefaultTemplate(
        event="review_alert",
        channel=Channel.EMAIL,
        subject="New {{ rating }}-star review from {{ reviewer_name }}",
        text="{{ reviewer_name }} left a {{ rating }}-star review ({{ source }}):\n\n"
        "{{ comment }}\n\nAnswer it: {{ review_url }}\n",
        html=email_html(
            "<p>{{ reviewer_name }} left a <strong>{{ rating }}-star</strong> review "
            "({{ source }}):</p><blockquote>{{ comment }}</blockquote>"
            '<p><a href="{{ review_url }}">Answer it</a></p>'
        ),
    ),
    DefaultTemplate(
        event="reviews_digest",
        channel=Channel.EMAIL,
        subject="Your reviews this week: {{ reviews }}",
        text="Since {{ since|date }}: {{ reviews }} reviews"
        "{% if average %}, {{ average }} stars on average{% endif %}; {{ low }} low, "
        "{{ unanswered }} unanswered.\n{{ reviews_url }}\n",
        html=email_html(
            "<p>Since {{ since|date }}: <strong>{{ reviews }}</strong> reviews"
            "{% if average %}, {{ average }} stars on average{% endif %}; {{ low }} low, "
            "{{ unanswered }} unanswered.</p>"
            '<p><a href="{{ reviews_url }}">Open the reviews</a></p>'
        ),
    ),
    DefaultTemplate(
        event="affiliate_invitation",
        channel=Channel.EMAIL,
        subject="Join the {{ programme_name }} partner programme",
        text="Hi {{ affiliate_name }},\n\nYou are invited to the {{ programme_name }} partner "
        "programme. Share your referral link and earn on every customer it brings:\n"
        "{{ referral_url }}\n\nThe programme: {{ programme_url }}\n",
        html=email_html(
            "<p>Hi {{ affiliate_name }},</p><p>You are invited to the <strong>"
            "{{ programme_name }}</strong> partner programme. Share your referral link and "
            "earn on every customer it brings:</p>"
            '<p><a href="{{ referral_url }}">{{ referral_url }}</a></p>'
            '<p><a href="{{ programme_url }}">The programme</a></p>'
        ),
    ),
)
