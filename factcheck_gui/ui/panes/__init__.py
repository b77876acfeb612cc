"""Article panes side by side: the text, its highlights, find."""
