"""The annotations dock: the table, the editor, the legend and the suggestions."""
