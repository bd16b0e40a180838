"""Places: autocomplete, details, geocoding and reverse geocoding, on Google Maps."""
