"""Google: the OAuth client and settings Analytics, Ads, Business Profile and Calendar share."""
