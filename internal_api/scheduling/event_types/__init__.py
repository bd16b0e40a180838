"""Event types: what visitors book, with one user, whichever of several is free, or all."""
