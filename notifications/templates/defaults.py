"""The templates every account starts with; an account's own template replaces one of them.

Each is a Jinja2 source. Variables: what the sender passes in `data`, `brand` (the account's
name, logo_url, primary_color, secondary_color, custom_domain) and, in marketing email,
`unsubscribe_url`. HTML email extends the branded layout. Dates are ISO 8601 strings, printed
in the account's time zone (`|date`, `|datetime`).
"""

from notifications.templates.reputation_defaults import REPUTATION_TEMPLATES
from notifications.templates.sources import DefaultTemplate, TemplateSource, email_html
from shared.models.notification_template import Channel

__all__ = ["DEFAULTS", "DEFAULT_TEMPLATES", "DefaultTemplate", "TemplateSource", "email_html"]


# A cancellation's reason, when one was given.
REASON_TEXT = "{% if reason is defined and reason %}\nReason: {{ reason }}{% endif %}"
REASON_HTML = "{% if reason is defined and reason %}<p>Reason: {{ reason }}</p>{% endif %}"

DEFAULT_TEMPLATES = (
    DefaultTemplate(
        event="invitation",
        channel=Channel.EMAIL,
        subject="{{ inviter_name }} invited you to {{ brand.name }}",
        text="{{ inviter_name }} invited you to join {{ brand.name }}.\n"
        "Accept the invitation: {{ accept_url }}\n",
        html=email_html(
            "<p>{{ inviter_name }} invited you to join {{ brand.name }}.</p>"
            '<p><a href="{{ accept_url }}">Accept the invitation</a></p>'
        ),
        sensitive=True,
    ),
    DefaultTemplate(
        event="password_reset",
        channel=Channel.EMAIL,
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
    DefaultTemplate(
        event="password_reset",
        channel=Channel.SMS,
        text="{{ brand.name }}: your password reset code is {{ code }}",
        sensitive=True,
    ),
    DefaultTemplate(
        event="email_verification",
        channel=Channel.EMAIL,
        subject="Confirm your email address for {{ brand.name }}",
        text="Confirm that this address is yours: {{ verify_url }}\n"
        "The link works for {{ expires_in_minutes }} minutes. If you did not ask for it, ignore "
        "this email.\n",
        html=email_html(
            "<p>Confirm that this address is yours:</p>"
            '<p><a href="{{ verify_url }}">Confirm my email address</a></p>'
            "<p>The link works for {{ expires_in_minutes }} minutes. If you did not ask for it, "
            "ignore this email.</p>"
        ),
        sensitive=True,
    ),
    DefaultTemplate(
        event="new_lead",
        channel=Channel.EMAIL,
        subject="New lead: {{ lead_name }}",
        text="{{ lead_name }} just came in from {{ source }}.\n{{ lead_url }}\n",
        html=email_html(
            "<p><strong>{{ lead_name }}</strong> just came in from {{ source }}.</p>"
            '<p><a href="{{ lead_url }}">Open the lead</a></p>'
        ),
    ),
    DefaultTemplate(
        event="new_lead",
        channel=Channel.SMS,
        text="{{ brand.name }}: new lead {{ lead_name }} from {{ source }}",
    ),
    DefaultTemplate(
        event="new_lead",
        channel=Channel.PUSH,
        subject="New lead",
        text="{{ lead_name }} from {{ source }}",
    ),
    DefaultTemplate(
        event="new_message",
        channel=Channel.EMAIL,
        subject="New message from {{ sender_name }}",
        text="{{ sender_name }} wrote:\n\n{{ preview }}\n\nReply: {{ conversation_url }}\n",
        html=email_html(
            "<p>{{ sender_name }} wrote:</p><blockquote>{{ preview }}</blockquote>"
            '<p><a href="{{ conversation_url }}">Reply</a></p>'
        ),
    ),
    DefaultTemplate(
        event="new_message",
        channel=Channel.SMS,
        text="{{ brand.name }}: {{ sender_name }} wrote: {{ preview }}",
    ),
    DefaultTemplate(
        event="new_message", channel=Channel.PUSH, subject="{{ sender_name }}", text="{{ preview }}"
    ),
    DefaultTemplate(
        event="task_assigned",
        channel=Channel.EMAIL,
        subject="Task for you: {{ task_title }}",
        text="{{ assigner_name }} assigned you a task: {{ task_title }}"
        "{% if due_date %} (due {{ due_date|date }}){% endif %}.\n{{ task_url }}\n",
        html=email_html(
            "<p>{{ assigner_name }} assigned you a task: <strong>{{ task_title }}</strong>"
            "{% if due_date %} (due {{ due_date|date }}){% endif %}.</p>"
            '<p><a href="{{ task_url }}">Open the task</a></p>'
        ),
    ),
    DefaultTemplate(
        event="task_assigned",
        channel=Channel.SMS,
        text="{{ brand.name }}: {{ assigner_name }} assigned you {{ task_title }}",
    ),
    DefaultTemplate(
        event="task_assigned",
        channel=Channel.PUSH,
        subject="Task assigned",
        text="{{ task_title }}{% if due_date %}, due {{ due_date|date }}{% endif %}",
    ),
    DefaultTemplate(
        event="task_mentioned",
        channel=Channel.EMAIL,
        subject="{{ author_name }} mentioned you on {{ task_title }}",
        text="{{ author_name }} mentioned you on {{ task_title }}:\n\n{{ preview }}\n\n"
        "{{ task_url }}\n",
        html=email_html(
            "<p>{{ author_name }} mentioned you on <strong>{{ task_title }}</strong>:</p>"
            "<blockquote>{{ preview }}</blockquote>"
            '<p><a href="{{ task_url }}">Open the task</a></p>'
        ),
    ),
    DefaultTemplate(
        event="task_mentioned",
        channel=Channel.PUSH,
        subject="{{ author_name }} mentioned you",
        text="{{ task_title }}: {{ preview }}",
    ),
    DefaultTemplate(
        event="task_due",
        channel=Channel.EMAIL,
        subject="Reminder: {{ task_title }}",
        text="A reminder of {{ task_title }}"
        "{% if due_at %}, due {{ due_at|datetime }}{% endif %}.\n{{ task_url }}\n",
        html=email_html(
            "<p>A reminder of <strong>{{ task_title }}</strong>"
            "{% if due_at %}, due {{ due_at|datetime }}{% endif %}.</p>"
            '<p><a href="{{ task_url }}">Open the task</a></p>'
        ),
    ),
    DefaultTemplate(
        event="task_due",
        channel=Channel.PUSH,
        subject="Reminder",
        text="{{ task_title }}{% if due_at %}, due {{ due_at|datetime }}{% endif %}",
    ),
    DefaultTemplate(
        event="document_to_sign",
        channel=Channel.EMAIL,
        subject="{{ sender_name }} sent you {{ document_title }} to sign",
        text="{{ sender_name }} asks you to sign {{ document_title }}.\n"
        "Read and sign it: {{ signing_url }}\nThe link works until {{ expires_at|date }}.\n",
        html=email_html(
            "<p>{{ sender_name }} asks you to sign <strong>{{ document_title }}</strong>.</p>"
            '<p><a href="{{ signing_url }}">Read and sign it</a></p>'
            "<p>The link works until {{ expires_at|date }}.</p>"
        ),
        sensitive=True,
    ),
    DefaultTemplate(
        event="document_reminder",
        channel=Channel.EMAIL,
        subject="Reminder: {{ document_title }} is waiting for your signature",
        text="{{ sender_name }} is still waiting for your signature on {{ document_title }}.\n"
        "Read and sign it: {{ signing_url }}\nThe link works until {{ expires_at|date }}.\n",
        html=email_html(
            "<p>{{ sender_name }} is still waiting for your signature on "
            "<strong>{{ document_title }}</strong>.</p>"
            '<p><a href="{{ signing_url }}">Read and sign it</a></p>'
            "<p>The link works until {{ expires_at|date }}.</p>"
        ),
        sensitive=True,
    ),
    DefaultTemplate(
        event="booking_confirmed",
        channel=Channel.EMAIL,
        subject="Booked: {{ event_name }}, {{ when }}",
        text="Hello {{ invitee_name }},\n\nyour {{ event_name }} with {{ host_names }} is booked "
        "for {{ when }}.\nWhere: {{ location }}\n\nTo reschedule or cancel: {{ manage_url }}\n",
        html=email_html(
            "<p>Hello {{ invitee_name }},</p><p>your <strong>{{ event_name }}</strong> with "
            "{{ host_names }} is booked for <strong>{{ when }}</strong>.</p>"
            "<p>Where: {{ location }}</p>"
            '<p><a href="{{ manage_url }}">Reschedule or cancel</a></p>'
        ),
    ),
    DefaultTemplate(
        event="booking_rescheduled",
        channel=Channel.EMAIL,
        subject="Moved: {{ event_name }}, now {{ when }}",
        text="Hello {{ invitee_name }},\n\nyour {{ event_name }} with {{ host_names }} now takes "
        "place {{ when }}.\nWhere: {{ location }}\n\nTo reschedule or cancel: {{ manage_url }}\n",
        html=email_html(
            "<p>Hello {{ invitee_name }},</p><p>your <strong>{{ event_name }}</strong> with "
            "{{ host_names }} now takes place <strong>{{ when }}</strong>.</p>"
            "<p>Where: {{ location }}</p>"
            '<p><a href="{{ manage_url }}">Reschedule or cancel</a></p>'
        ),
    ),
    DefaultTemplate(
        event="booking_cancelled",
        channel=Channel.EMAIL,
        subject="Cancelled: {{ event_name }}, {{ when }}",
        text="Hello {{ invitee_name }},\n\nyour {{ event_name }} of {{ when }} is cancelled."
        + REASON_TEXT
        + "\n\nThe booking: {{ manage_url }}\n",
        html=email_html(
            "<p>Hello {{ invitee_name }},</p><p>your <strong>{{ event_name }}</strong> of "
            "{{ when }} is cancelled.</p>"
            + REASON_HTML
            + '<p><a href="{{ manage_url }}">The booking</a></p>'
        ),
    ),
    DefaultTemplate(
        event="booking_reminder",
        channel=Channel.EMAIL,
        subject="Reminder: {{ event_name }}, {{ when }}",
        text="Hello {{ invitee_name }},\n\na reminder of your {{ event_name }} with "
        "{{ host_names }}, {{ when }}.\nWhere: {{ location }}\n\nTo reschedule or cancel: "
        "{{ manage_url }}\n",
        html=email_html(
            "<p>Hello {{ invitee_name }},</p><p>a reminder of your <strong>{{ event_name }}"
            "</strong> with {{ host_names }}, <strong>{{ when }}</strong>.</p>"
            "<p>Where: {{ location }}</p>"
            '<p><a href="{{ manage_url }}">Reschedule or cancel</a></p>'
        ),
    ),
    DefaultTemplate(
        event="booking_reminder_sms",
        channel=Channel.SMS,
        text="{{ brand.name }}: reminder, {{ event_name }} {{ when }}. Change it: {{ manage_url }}",
    ),
    DefaultTemplate(
        event="host_booking_scheduled",
        channel=Channel.EMAIL,
        subject="New booking: {{ event_name }} with {{ invitee_name }}",
        text="{{ invitee_name }} ({{ invitee_email }}) booked {{ event_name }} for "
        "{{ start_at|datetime }}.\n{{ booking_url }}\n",
        html=email_html(
            "<p>{{ invitee_name }} ({{ invitee_email }}) booked <strong>{{ event_name }}"
            "</strong> for {{ start_at|datetime }}.</p>"
            '<p><a href="{{ booking_url }}">Open the booking</a></p>'
        ),
    ),
    DefaultTemplate(
        event="host_booking_scheduled",
        channel=Channel.PUSH,
        subject="New booking",
        text="{{ invitee_name }}: {{ event_name }}, {{ start_at|datetime }}",
    ),
    DefaultTemplate(
        event="host_booking_cancelled",
        channel=Channel.EMAIL,
        subject="Cancelled: {{ event_name }} with {{ invitee_name }}",
        text="{{ invitee_name }}'s {{ event_name }} of {{ start_at|datetime }} is cancelled."
        + REASON_TEXT
        + "\n{{ booking_url }}\n",
        html=email_html(
            "<p>{{ invitee_name }}'s <strong>{{ event_name }}</strong> of "
            "{{ start_at|datetime }} is cancelled.</p>"
            + REASON_HTML
            + '<p><a href="{{ booking_url }}">Open the booking</a></p>'
        ),
    ),
    DefaultTemplate(
        event="host_booking_cancelled",
        channel=Channel.PUSH,
        subject="Booking cancelled",
        text="{{ invitee_name }}: {{ event_name }}, {{ start_at|datetime }}",
    ),
    DefaultTemplate(
        event="support_message",
        channel=Channel.EMAIL,
        subject="{{ account_name }}: {{ subject }}",
        text="{{ sender_name }} ({{ account_name }}) wrote about {{ subject }}:\n\n"
        "{{ preview }}\n\nAnswer: {{ conversation_url }}\n",
        html=email_html(
            "<p>{{ sender_name }} ({{ account_name }}) wrote about "
            "<strong>{{ subject }}</strong>:</p><blockquote>{{ preview }}</blockquote>"
            '<p><a href="{{ conversation_url }}">Answer</a></p>'
        ),
    ),
    DefaultTemplate(
        event="support_message",
        channel=Channel.PUSH,
        subject="{{ sender_name }}, {{ account_name }}",
        text="{{ preview }}",
    ),
    DefaultTemplate(
        event="support_waiting",
        channel=Channel.EMAIL,
        subject="Waiting for an answer: {{ subject }}",
        text="{{ account_name }} has been waiting {{ waiting_minutes }} minutes for an answer "
        "about {{ subject }}.\nAnswer: {{ conversation_url }}\n",
        html=email_html(
            "<p>{{ account_name }} has been waiting {{ waiting_minutes }} minutes for an answer "
            "about <strong>{{ subject }}</strong>.</p>"
            '<p><a href="{{ conversation_url }}">Answer</a></p>'
        ),
    ),
    DefaultTemplate(
        event="support_waiting",
        channel=Channel.PUSH,
        subject="Waiting for an answer",
        text="{{ account_name }}: {{ subject }} ({{ waiting_minutes }} min)",
    ),
    DefaultTemplate(
        event="onebalance_low_balance",
        channel=Channel.EMAIL,
        subject="{{ account_name }}: your OneBalance is low",
        text="The OneBalance wallet of {{ account_name }} holds {{ balance }}, below your "
        "alert at {{ threshold }}. Sends it cannot cover are refused.\n"
        "Top it up: {{ wallet_url }}\n",
        html=email_html(
            "<p>The OneBalance wallet of {{ account_name }} holds <strong>{{ balance }}"
            "</strong>, below your alert at {{ threshold }}. Sends it cannot cover are "
            'refused.</p><p><a href="{{ wallet_url }}">Top it up</a></p>'
        ),
    ),
    DefaultTemplate(
        event="onebalance_reload_failed",
        channel=Channel.EMAIL,
        subject="{{ account_name }}: OneBalance auto-reload failed",
        text="Reloading {{ amount }} into the OneBalance wallet of {{ account_name }} failed: "
        "{{ reason }}\nCheck the card: {{ wallet_url }}\n",
        html=email_html(
            "<p>Reloading {{ amount }} into the OneBalance wallet of {{ account_name }} "
            "failed: {{ reason }}</p>"
            '<p><a href="{{ wallet_url }}">Check the card</a></p>'
        ),
    ),
    DefaultTemplate(
        event="domain_verification_failed",
        channel=Channel.EMAIL,
        subject="{{ hostname }} could not be verified",
        text="{% if reason == 'domain_taken' %}{{ hostname }} is already used by another "
        "account.{% else %}No TXT record at {{ record_name }} held the domain's token in time."
        "{% endif %}\nCheck the domain: {{ domain_url }}\n",
        html=email_html(
            "<p>{% if reason == 'domain_taken' %}<strong>{{ hostname }}</strong> is already "
            "used by another account.{% else %}No TXT record at <code>{{ record_name }}</code> "
            "held the domain's token in time.{% endif %}</p>"
            '<p><a href="{{ domain_url }}">Check the domain</a></p>'
        ),
    ),
    DefaultTemplate(
        event="domain_certificate_expiring",
        channel=Channel.EMAIL,
        subject="The certificate of {{ hostname }} expires on {{ expires_on }}",
        text="The TLS certificate of {{ hostname }} expires on {{ expires_on }} and has not "
        "been renewed yet: check that the domain still points at the platform.\n"
        "{{ domain_url }}\n",
        html=email_html(
            "<p>The TLS certificate of <strong>{{ hostname }}</strong> expires on "
            "{{ expires_on }} and has not been renewed yet: check that the domain still points "
            'at the platform.</p><p><a href="{{ domain_url }}">Check the domain</a></p>'
        ),
    ),
    *REPUTATION_TEMPLATES,
    DefaultTemplate(
        event="client_report",
        channel=Channel.EMAIL,
        subject="{{ report_name }} from {{ brand_name }}",
        text="Your report {{ report_name }} is attached.\n"
        "Read it online: {{ report_url }}\nThe link works until {{ expires_at|date }}.\n",
        html=email_html(
            "<p>Your report <strong>{{ report_name }}</strong> is attached.</p>"
            '<p><a href="{{ report_url }}">Read it online</a></p>'
            "<p>The link works until {{ expires_at|date }}.</p>"
        ),
    ),
)

DEFAULTS: dict[tuple[str, Channel], DefaultTemplate] = {
    (template.event, template.channel): template for template in DEFAULT_TEMPLATES
}
