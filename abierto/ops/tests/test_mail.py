import email
import io

from django.core.mail import EmailMessage, get_connection

from abierto.tests.test_settings import run


def test_each_message_goes_to_its_own_file_and_one_line_on_screen(tmp_path):
    screen = io.StringIO()
    connection = get_connection(
        "abierto.ops.mail.FileEmailBackend", file_path=str(tmp_path), stream=screen
    )
    messages = []
    for n in (1, 2):
        message = EmailMessage(
            f"Convocatoria {n}", "Cuerpo", to=[f"persona{n}@demo.invalid"], connection=connection
        )
        message.attach("oficio.pdf", b"%PDF-1.7 " + b"x" * 10_000, "application/pdf")
        messages.append(message)

    assert connection.send_messages(messages) == 2

    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    lines = screen.getvalue().splitlines()
    assert len(lines) == 2  # not the MIME, not the base64 of the PDF
    assert lines[0].startswith("Correo para persona1@demo.invalid: «Convocatoria 1» → ")
    parsed = [email.message_from_bytes(path.read_bytes()) for path in files]
    assert {m["To"] for m in parsed} == {"persona1@demo.invalid", "persona2@demo.invalid"}
    assert str(files[0]) in screen.getvalue()


def test_development_writes_mail_to_files_and_production_sends_it(tmp_path):
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
    )
    development = run(code, DEBUG="1", VAR_DIR=str(tmp_path))
    assert development.returncode == 0, development.stderr
    assert development.stdout.split() == [
        "abierto.ops.mail.FileEmailBackend",
        str(tmp_path / "mail"),
    ]
    production = run(code, DEBUG="0", SECRET_KEY="p" * 60, ALLOWED_HOSTS="stl.example.org")
    assert production.stdout.split()[0] == "django.core.mail.backends.smtp.EmailBackend"
