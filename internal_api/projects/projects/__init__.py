"""The account's projects: opened with a first board, renamed, archived."""
