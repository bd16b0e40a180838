"""Sales pipelines and their ordered stages."""
