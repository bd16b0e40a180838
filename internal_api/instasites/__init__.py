"""InstaSites (`/v1/instasites`): ready websites built on Duda for prospect businesses."""
