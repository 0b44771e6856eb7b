from abierto.lib.paragraphs import paragraphs


def test_ids_survive_edits_of_other_paragraphs():
    before = paragraphs("# ACTA\nPrimer párrafo.\n\nSegundo párrafo.\n")
    after = paragraphs("# ACTA\nPrimer párrafo, corregido.\n\nSegundo   párrafo.\n")
    assert before[2].id == after[2].id
    assert before[1].id != after[1].id
    assert after[2].text == "Segundo párrafo."


def test_repeated_paragraphs_get_distinct_ids():
    ids = [p.id for p in paragraphs("Igual.\nIgual.\nOtro.")]
    assert len(set(ids)) == 3
    assert ids[1] == ids[0] + "-2"
