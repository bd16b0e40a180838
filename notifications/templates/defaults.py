"""The templates every account starts with; an account's own template replaces one of them.

Each is a Jinja2 source. Variables: what the sender passes in `data`, `brand` (the account's
name, logo_url, primary_color, secondary_color, custom_domain) and, in marketing email,
`unsubscribe_url`. HTML email extends the branded layout.
"""

from dataclasses import dataclass

from shared.models.notification_template import Channel


@dataclass(frozen=True)
class TemplateSource:
    text: str
    subject: str = ""
    html: str = ""
    marketing: bool = False
    sensitive: bool = False


# The branded frame of every HTML email; a template fills its `content` block.
LAYOUT_HTML = """<!doctype html>
<html><body style="font-family: sans-serif; margin: 0;">
<div style="background: {{ brand.primary_color }}; padding: 16px;">
{% if brand.logo_url %}<img src="{{ brand.logo_url }}" alt="{{ brand.name }}" height="40">
{% else %}<strong style="color: #ffffff;">{{ brand.name }}</strong>{% endif %}
</div>
<div style="padding: 24px;">{% block content %}{% endblock %}</div>
<div style="padding: 16px; color: {{ brand.secondary_color }}; font-size: 12px;">
{{ brand.name }}{% if unsubscribe_url %} ·
<a href="{{ unsubscribe_url }}">Unsubscribe</a>{% endif %}
</div>
</body></html>
"""


def email_html(content: str) -> str:
    return '{% extends "layout.html" %}{% block content %}' + content + "{% endblock %}"


DEFAULTS: dict[tuple[str, Channel], TemplateSource] = {
    ("invitation", Channel.EMAIL): TemplateSource(
        subject="{{ inviter_name }} invited you to {{ brand.name }}",
        text="{{ inviter_name }} invited you to join {{ brand.name }}.\n"
        "Accept the invitation: {{ accept_url }}\n",
        html=email_html(
            "<p>{{ inviter_name }} invited you to join {{ brand.name }}.</p>"
            '<p><a href="{{ accept_url }}">Accept the invitation</a></p>'
        ),
        sensitive=True,
    ),
    ("password_reset", Channel.EMAIL): TemplateSource(
        subject="Reset your {{ brand.name }} password",
        text="Someone asked to reset your password. If it was you: {{ reset_url }}\n"
        "The link works for {{ expires_in_minutes }} minutes.\n",
        html=email_html(
            "<p>Someone asked to reset your password. If it was you:</p>"
            '<p><a href="{{ reset_url }}">Choose a new password</a></p>'
            "<p>The link works for {{ expires_in_minutes }} minutes.</p>"
        ),
        sensitive=True,
    ),
    ("password_reset", Channel.SMS): TemplateSource(
        text="{{ brand.name }}: your password reset code is {{ code }}", sensitive=True
    ),
    ("new_lead", Channel.EMAIL): TemplateSource(
        subject="New lead: {{ lead_name }}",
        text="{{ lead_name }} just came in from {{ source }}.\n{{ lead_url }}\n",
        html=email_html(
            "<p><strong>{{ lead_name }}</strong> just came in from {{ source }}.</p>"
            '<p><a href="{{ lead_url }}">Open the lead</a></p>'
        ),
    ),
    ("new_lead", Channel.SMS): TemplateSource(
        text="{{ brand.name }}: new lead {{ lead_name }} from {{ source }}",
    ),
    ("new_lead", Channel.PUSH): TemplateSource(
        subject="New lead", text="{{ lead_name }} from {{ source }}"
    ),
    ("new_message", Channel.EMAIL): TemplateSource(
        subject="New message from {{ sender_name }}",
        text="{{ sender_name }} wrote:\n\n{{ preview }}\n\nReply: {{ conversation_url }}\n",
        html=email_html(
            "<p>{{ sender_name }} wrote:</p><blockquote>{{ preview }}</blockquote>"
            '<p><a href="{{ conversation_url }}">Reply</a></p>'
        ),
    ),
    ("new_message", Channel.SMS): TemplateSource(
        text="{{ brand.name }}: {{ sender_name }} wrote: {{ preview }}",
    ),
    ("new_message", Channel.PUSH): TemplateSource(
        subject="{{ sender_name }}", text="{{ preview }}"
    ),
    ("task_assigned", Channel.EMAIL): TemplateSource(
        subject="Task for you: {{ task_title }}",
        text="{{ assigner_name }} assigned you a task: {{ task_title }} (due {{ due_date }}).\n"
        "{{ task_url }}\n",
        html=email_html(
            "<p>{{ assigner_name }} assigned you a task: <strong>{{ task_title }}</strong> "
            "(due {{ due_date }}).</p>"
            '<p><a href="{{ task_url }}">Open the task</a></p>'
        ),
    ),
    ("task_assigned", Channel.SMS): TemplateSource(
        text="{{ brand.name }}: {{ assigner_name }} assigned you {{ task_title }}",
    ),
    ("task_assigned", Channel.PUSH): TemplateSource(
        subject="Task assigned", text="{{ task_title }}, due {{ due_date }}"
    ),
}
