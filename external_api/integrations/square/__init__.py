"""Square: an account connects its Square seller (OAuth, refreshed); the seller's customers,
payments and catalog items are read into the Square billing collections by a sync paged by
cursor, and kept current by Square's signed webhooks (`x-square-hmacsha256-signature`)."""
