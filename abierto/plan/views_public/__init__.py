"""The plan's public pages: the plan at a glance, each commitment, the coverage map, the agenda
of activities and its calendar feed.

Thin views: reads go through ``selectors`` (where progress and coverage are computed, never
typed), charts and the map are drawn on the server by ``abierto.lib.svg_charts`` and
``abierto.lib.geo_svg``, each with a table beside it. Filters come from GET parameters; a
value that does not validate is left out of the query and named in a message, with status
400.

One module per page family: ``overview``, ``commitments``, ``coverage`` and ``agenda``;
``common`` holds what they share.
"""
