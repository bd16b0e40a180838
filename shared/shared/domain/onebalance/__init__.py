"""OneBalance: an account's prepaid wallet, its double-entry ledger, the platform's rate card
with the agency's markup, usage charges, top-ups, auto-reload and low-balance alerts. Every
process that meters an action (the notification service's sends, the AI service's tokens, the
queue manager's number rentals) charges through `charging`; nothing else moves a balance."""
