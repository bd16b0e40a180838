"""Time spent on a task: who, how many minutes, on which day; summed on the task."""
