"""Per-account notification templates (Jinja2, sandboxed) over a default set, with branding."""
