"""Work that leaves the window: import, export, reports, backups."""
