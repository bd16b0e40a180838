"""/v1/affiliates: an account's partner programme (an agency's, or the platform's own for
agencies), its affiliates (invited or signed up), their referral links, commissions ledger,
leaderboard and payouts; and the programme's public sign-up page and referral redirect."""
