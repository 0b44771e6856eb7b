from abierto.lib.echo import ECHO_MAX_CHARS, clip, clip_quoted


def test_short_messages_are_kept_as_they_are():
    assert clip("corto") == "corto"
    assert clip_quoted("'nombre' is a required property") == "'nombre' is a required property"


def test_long_quoted_values_are_cut_and_keep_their_quotes():
    message = clip_quoted(
        "Additional properties are not allowed ('" + "Z" * 5000 + "' was unexpected)"
    )
    assert message == (
        "Additional properties are not allowed ('" + "Z" * ECHO_MAX_CHARS + "…' was unexpected)"
    )
    assert clip_quoted('"' + 'a\\"b' * 100 + '" is too long').endswith('…" is too long')


def test_an_unquoted_long_message_is_cut_too():
    assert len(clip_quoted("x" * 10_000)) <= ECHO_MAX_CHARS * 6 + 1
