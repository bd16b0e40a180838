"""Mailchimp (Marketing API 3.0, OAuth 2): a CRM tag synced to an audience, the audience's
unsubscribes back by webhook, campaign reports into the analytics store."""
