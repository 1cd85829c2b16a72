"""Formatting helpers shared by the apps."""


def format_timestamp(seconds):
    """A position in a recording: 754 -> "12:34", 3754 -> "1:02:34"."""
    seconds = int(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
