"""Google Business Profile: OAuth connect, locations and their reviews read and stored (the
reputation module reads the reviews)."""
