"""OneBalance's HTTP face: an account's wallet, its movements and top-ups; an agency's
sub-accounts' wallets (credit, markup) and its usage report. The rules are in
`shared.domain.onebalance`."""
