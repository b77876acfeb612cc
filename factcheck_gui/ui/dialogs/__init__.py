"""Dialogs, the crash hook and the message bar."""
