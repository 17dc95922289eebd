"""The CLI's words for the engine's codes: every code has them, details fit in."""

from __future__ import annotations

from photodedup.cli.render import reason_words
from photodedup.core.reasons import Reason


def test_every_reason_code_has_words() -> None:
    for reason in Reason:
        words = reason_words(reason, "DETAIL")
        assert words and words != str(reason), reason
        assert "DETAIL" in words, reason  # a detail is never dropped
        assert "{" not in reason_words(reason), reason


def test_details_go_where_the_sentence_has_room() -> None:
    assert reason_words(Reason.NOT_AN_IMAGE, "PNG (looks like text)") == (
        "not an image: content is not PNG (looks like text)"
    )
    assert reason_words(Reason.NOT_AN_IMAGE, "PNG (text)") == (
        "not an image: content is not PNG (looks like text)"
    )
    assert reason_words(Reason.NOT_AN_IMAGE, "JPEG (media: mp42)") == (
        "not an image: content is not JPEG (a video or other media file (mp42))"
    )
    assert reason_words(Reason.TOO_LARGE) == "image too large"
    assert reason_words(Reason.EMPTY_FILE) == "empty file"
    assert reason_words(Reason.NO_TRASH, "/media/stick") == (
        "no trash can be used on this file's drive (/media/stick)"
    )
    assert reason_words("a-code-from-a-newer-engine", "x") == "a-code-from-a-newer-engine: x"
