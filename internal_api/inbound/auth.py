"""Who may read leads: whoever may read contacts, with the contacts of the account they see
(a lead of a contact hidden from them is hidden too)."""

from internal_api.crm.contacts.auth import ContactsCaller, ContactsRead

LeadsCaller = ContactsCaller
LeadsRead = ContactsRead
