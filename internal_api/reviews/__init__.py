"""/v1/reviews: the account's reviews inbox (Google Business, Facebook recommendations, manual
reviews), replies (posted to Google through the external API, drafted by the AI service),
reply templates, reputation settings, locations' review pages and review requests, and the
review pages' public routes."""
