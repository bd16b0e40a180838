"""The activity log: every change to a contact or a deal, readable per record and per account."""
