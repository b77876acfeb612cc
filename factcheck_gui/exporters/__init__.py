"""Writers of annotation sets, one small module per format."""
