"""InstaSites: where each one is in its build and claim, told on the general socket."""
