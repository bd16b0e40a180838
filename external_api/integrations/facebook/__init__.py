"""Facebook (Graph API): pages, lead ads webhooks, ads insights."""
