"""Email-marketing lists kept in sync with CRM tags: the contacts' changes queued for each of
the account's list syncs (`changes`), and the lists' unsubscribes applied to the contacts
(`consent`), and the polls of the lists whose provider sends no unsubscribe webhook (`polls`)."""
