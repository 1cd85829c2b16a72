"""Learnings cite a recording at a moment: the link opens the recording there (#t=)."""

import pytest
from django.core.exceptions import ValidationError

from events.factories import EventPageFactory, EventSeriesPageFactory, RecordingPageFactory
from knowledge.factories import LearningPageFactory, get_region
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording(site_root):
    series = EventSeriesPageFactory(parent=site_root["events"])
    event = EventPageFactory(parent=series, host_municipality=get_region("08436064"))
    return RecordingPageFactory(parent=event, title="Aufzeichnung Ravensburg")


def test_a_learning_cites_a_recording_at_a_timestamp(client, site_root, recording):
    learning = LearningPageFactory(
        parent=site_root["knowledge"],
        title="Früh die Fachämter einbinden",
        source_recording=recording,
        source_timestamp=754,
    )
    html = soup(client.get(learning.url))
    link = html.find("a", href=f"{recording.url}#t=754")
    assert link is not None and "12:34" in link.get_text()
    # The recording lists the learning that cites it, with the moment.
    html = soup(client.get(recording.url))
    assert html.find("a", href=learning.url)
    assert html.find("a", href="#t=754")


def test_a_timestamp_needs_a_recording(site_root):
    learning = LearningPageFactory.build(title="Ohne Quelle", source_timestamp=60)
    with pytest.raises(ValidationError) as error:
        learning.clean()
    assert "source_timestamp" in error.value.message_dict
