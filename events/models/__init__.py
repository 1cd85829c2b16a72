"""Models of the events app, one module per page type, re-exported here."""

from .event import AgendaItem, EventPage, EventSpeaker
from .index import EventIndexPage
from .recording import (
    Chapter,
    RecordingPage,
    RecordingRelatedPage,
    TranscriptSegment,
)
from .series import EventSeriesPage

__all__ = [
    "AgendaItem",
    "Chapter",
    "EventIndexPage",
    "EventPage",
    "EventSeriesPage",
    "EventSpeaker",
    "RecordingPage",
    "RecordingRelatedPage",
    "TranscriptSegment",
]
