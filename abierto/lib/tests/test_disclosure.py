from abierto.lib.disclosure import TOTAL, protect_mean, protect_table, round_to_base


def _solvable(table, counts, columns):
    """Hidden figures that one relation (row or column with its total) gives back."""
    rows = list(counts)
    found = []
    for row in [*rows, TOTAL]:
        keys = [(row, c) for c in [*columns, TOTAL]]
        if sum(table.values[k] is None for k in keys) == 1:
            found.append(row)
    for column in [*columns, TOTAL]:
        keys = [(r, column) for r in [*rows, TOTAL]]
        if sum(table.values[k] is None for k in keys) == 1:
            found.append(column)
    return found


def test_no_figure_about_fewer_than_five_people():
    table = protect_table({"a": {"x": 3, "y": 12}, "b": {"x": 9, "y": 8}}, columns=["x", "y"])
    assert table.get("a", "x") is None
    for value in table.values.values():
        assert value is None or value >= 5


def test_one_hidden_cell_in_a_row_hides_a_second_one():
    counts = {"a": {"x": 3, "y": 12, "z": 20}, "b": {"x": 9, "y": 8, "z": 30}}
    table = protect_table(counts, columns=["x", "y", "z"])
    assert table.get("a", "x") is None
    assert table.get("a", "y") is None  # the smallest other cell of its row
    assert _solvable(table, counts, ["x", "y", "z"]) == []


def test_no_relation_keeps_exactly_one_hidden_figure_on_many_tables():
    import random

    generator = random.Random(18)
    columns = ["p1", "p2", "p3", "p4", "p5"]
    for _ in range(300):
        counts = {
            f"c{r}": {c: generator.choice([0, 1, 2, 3, 4, 5, 6, 9, 15]) for c in columns}
            for r in range(generator.randint(1, 4))
        }
        table = protect_table(counts, columns=columns)
        assert _solvable(table, counts, columns) == []


def test_a_small_row_total_hides_the_whole_row():
    table = protect_table({"a": {"x": 2, "y": 2}, "b": {"x": 10, "y": 10}}, columns=["x", "y"])
    assert table.get("a", TOTAL) is None
    assert table.get("a", "x") is None
    assert table.get("a", "y") is None


def test_shown_figures_are_rounded_to_multiples_of_five():
    assert [round_to_base(v) for v in (5, 6, 7, 8, 12, 13)] == [5, 5, 5, 10, 10, 15]
    table = protect_table({"a": {"x": 7, "y": 8}}, columns=["x", "y"])
    assert table.get("a", "x") == 5
    assert table.get("a", "y") == 10
    assert table.get("a", TOTAL) == 15


def test_a_mean_needs_five_people():
    assert protect_mean([1.0, 2.0, 3.0, 4.0]) is None
    assert protect_mean([1.0, 2.0, 3.0, 4.0, 1.2]) == 2.0  # 2.24
