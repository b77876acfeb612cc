"""What a user can do. Each operation is one transaction and says what it changed."""
