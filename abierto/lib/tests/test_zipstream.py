import hashlib
import io
import zipfile

from abierto.lib.zipstream import Member, safe_name, stream_zip


def test_safe_name_drops_folders_accents_and_leading_dots():
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("Propuesta de calendario 2023.pdf") == "Propuesta-de-calendario-2023.pdf"
    assert safe_name("Presentación ñandú.PPTX") == "Presentacion-nandu.PPTX"
    assert safe_name("...") == "archivo"
    assert safe_name("\x00\x1f.pdf") == "archivo.pdf"


def test_the_stream_is_a_valid_zip_with_a_manifest_of_hashes():
    members = [
        Member("a.pdf", lambda: [b"%PDF-1.7 one", b" two"]),
        Member("a.pdf", lambda: [b"other"]),
        Member("../x/b.txt", lambda: [b"x" * 200_000]),
    ]
    data = b"".join(stream_zip(members))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == ["a.pdf", "a-2.pdf", "x-b.txt", "SHA256SUMS.txt"]
        manifest = archive.read("SHA256SUMS.txt").decode()
        for name in names[:-1]:
            digest = hashlib.sha256(archive.read(name)).hexdigest()
            assert f"{digest}  {name}\n" in manifest


def test_the_stream_yields_while_it_reads():
    produced = []

    def chunks():
        for n in range(5):
            produced.append(n)
            yield bytes([n]) * 100_000

    stream = stream_zip([Member("big.bin", chunks)])
    next(stream)
    assert len(produced) < 5
