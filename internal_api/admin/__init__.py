"""The platform operators' admin (`/v1/admin`): accounts searched, viewed, suspended and
reactivated, users impersonated read-only, the queue manager seen and driven, feature flags per
account, platform-wide announcements; every action in the admin audit log. Operators are users
with the platform flag (`python -m scripts.operators`), which no membership grants."""
