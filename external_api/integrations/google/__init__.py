"""Google: the OAuth client and settings Analytics, Ads and Business Profile share."""
