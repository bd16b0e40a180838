"""A CRM tag synced to an email-marketing list, one engine for every provider: what a run
sends worked out from the tag's contacts and the members the sync put there (`members`), sent
through the provider's adapter (`adapter`: Mailchimp's audiences, Constant Contact's lists),
the sync's endpoints made once for each provider (`routes`)."""
