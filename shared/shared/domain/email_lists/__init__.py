"""Email-marketing lists kept in sync with CRM tags: the contacts' changes queued for each of
the account's list syncs (`changes`), and the lists' unsubscribes applied to the contacts
(`consent`)."""
