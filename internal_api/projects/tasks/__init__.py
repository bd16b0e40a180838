"""A project's tasks, written through the domain's task write path
(`shared.domain.projects.writing`)."""
