"""/v1/reports: client reports an account defines, previews, prints, shares and schedules
(`shared.domain.reports` does the figures, the page, the links and the runs)."""
