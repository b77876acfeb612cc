"""What every region shares: the app context, jobs, palette, theme and small helpers."""
