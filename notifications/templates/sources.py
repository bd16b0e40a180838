"""What a template is made of, for the defaults every account starts with
(`notifications.templates.defaults`) and the accounts' own."""

from dataclasses import dataclass

from shared.models.notification_template import Channel


@dataclass(frozen=True, kw_only=True)
class TemplateSource:
    text: str
    subject: str = ""
    html: str = ""
    marketing: bool = False
    sensitive: bool = False


@dataclass(frozen=True, kw_only=True)
class DefaultTemplate(TemplateSource):
    event: str
    channel: Channel


def email_html(content: str) -> str:
    return '{% extends "layout.html" %}{% block content %}' + content + "{% endblock %}"
