"""Readers that turn files into article drafts, one small module per format."""
