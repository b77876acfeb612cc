"""The library dock: batches and their articles."""
