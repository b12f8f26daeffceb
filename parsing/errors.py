class UnreadableInput(ValueError):
    """The bytes given are not a posting we can read (binary, empty, too large)."""
