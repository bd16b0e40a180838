"""The small utility services, one package each."""
