"""A project's boards and their ordered columns: added, renamed, reordered, removed when empty."""
