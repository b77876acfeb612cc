"""The comparison dock: measures, their figures, the number line, exchange rates."""
