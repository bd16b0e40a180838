"""The white-label store's HTTP face: the agency's products, its sub-accounts' orders and their
fulfilment, refunds, and a sub-account's checkout links for its own customers with the public
checkout. The rules are in `shared.domain.store`."""
