"""The branded frame of every HTML email; a template fills its `content` block.

It imports nothing, so the render worker loads it without the service's dependencies.
"""

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
