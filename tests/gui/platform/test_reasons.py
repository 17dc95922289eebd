"""The GUI's words for the engine's codes, details in their place."""

from __future__ import annotations

from photodedup.core.reasons import Reason
from photodedup.gui.platform.reasons import reason_text


def test_what_a_mislabelled_file_looks_like_is_put_into_words(qapp):
    assert reason_text(Reason.NOT_AN_IMAGE, "PNG (text)") == (
        "Not an image: the content is not PNG (looks like text)"
    )
    assert reason_text(Reason.NOT_AN_IMAGE, "JPEG (media: mp42)") == (
        "Not an image: the content is not JPEG (a video or other media file (mp42))"
    )


def test_a_detail_in_an_earlier_form_is_shown_as_it_is(qapp):
    assert reason_text(Reason.NOT_AN_IMAGE, "PNG (looks like text)") == (
        "Not an image: the content is not PNG (looks like text)"
    )
