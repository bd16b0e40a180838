"""The white-label store: what an agency resells (`catalogue` for the platform's items), its
sub-accounts' orders charged and fulfilled (`ordering`, `fulfilment`, `refunds`), and the
consumers' purchases through a sub-account's public checkout link (`checkout`), landing as a
contact, a won deal and an invoice (`purchases`). Every payment goes through
`shared.domain.payments`."""
