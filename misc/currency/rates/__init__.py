"""Exchange rates and conversion between currencies."""
