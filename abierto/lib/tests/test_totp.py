"""RFC 6238 TOTP: the RFCs' own test vectors, the window and replay refusal."""

import pytest

from abierto.lib import totp

SHA1_KEY = b"12345678901234567890"
SHA256_KEY = b"12345678901234567890123456789012"
SHA512_KEY = b"1234567890123456789012345678901234567890123456789012345678901234"


HOTP_CODES = [
    "755224",
    "287082",
    "359152",
    "969429",
    "338314",
    "254676",
    "287922",
    "162583",
    "399871",
    "520489",
]


@pytest.mark.parametrize(
    ("counter", "code"),
    list(enumerate(HOTP_CODES)),
)
def test_hotp_matches_rfc_4226_appendix_d(counter, code):
    assert totp.hotp(SHA1_KEY, counter) == code


# RFC 6238 Appendix B: time, SHA-1, SHA-256, SHA-512 (8 digits, 30-second steps).
RFC_6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("at", "sha1", "sha256", "sha512"), RFC_6238)
def test_totp_matches_rfc_6238_appendix_b(at, sha1, sha256, sha512):
    assert totp.totp(SHA1_KEY, at, digits=8) == sha1
    assert totp.totp(SHA256_KEY, at, digits=8, algorithm="sha256") == sha256
    assert totp.totp(SHA512_KEY, at, digits=8, algorithm="sha512") == sha512


@pytest.mark.parametrize(("at", "sha1", "_sha256", "_sha512"), RFC_6238)
def test_verify_returns_the_rfc_time_step(at, sha1, _sha256, _sha512):
    assert totp.verify(SHA1_KEY, sha1, at, digits=8) == at // 30


def test_verify_accepts_one_step_either_side_and_no_more():
    now = 1_700_000_000
    step = now // 30
    for delta in (-1, 0, 1):
        code = totp.hotp(SHA1_KEY, step + delta)
        assert totp.verify(SHA1_KEY, code, now) == step + delta
    for delta in (-2, 2):
        assert totp.verify(SHA1_KEY, totp.hotp(SHA1_KEY, step + delta), now) is None


def test_a_code_at_or_before_the_last_used_step_is_refused():
    now = 1_700_000_000
    step = now // 30
    code = totp.totp(SHA1_KEY, now)
    assert totp.verify(SHA1_KEY, code, now, after_step=step - 1) == step
    assert totp.verify(SHA1_KEY, code, now, after_step=step) is None
    assert totp.verify(SHA1_KEY, code, now + 30, after_step=step) is None
    # The next step's code is still good after this one was used.
    assert totp.verify(SHA1_KEY, totp.totp(SHA1_KEY, now + 30), now + 30, after_step=step)


@pytest.mark.parametrize(
    "code", ["", "12345", "1234567", "abcdef", "\uff11\uff12\uff13\uff14\uff15\uff16", "12 34 5"]
)
def test_malformed_codes_never_match(code):
    assert totp.verify(SHA1_KEY, code, 59) is None


def test_spaces_inside_a_typed_code_are_ignored():
    code = totp.totp(SHA1_KEY, 59)
    assert totp.verify(SHA1_KEY, f" {code[:3]} {code[3:]} ", 59) == 1


def test_secret_round_trips_through_base32_as_people_type_it():
    secret = totp.new_secret()
    assert len(secret) == 32
    assert "=" not in secret
    key = totp.decode_secret(secret)
    assert len(key) == totp.SECRET_BYTES
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)).lower()
    assert totp.decode_secret(spaced) == key


def test_provisioning_uri_names_issuer_and_account():
    uri = totp.provisioning_uri(
        "JBSWY3DPEHPK3PXP", account="ABCD123456", issuer="Carpeta Ciudadana"
    )
    assert uri.startswith("otpauth://totp/Carpeta%20Ciudadana%3AABCD123456?")
    assert "secret=JBSWY3DPEHPK3PXP" in uri
    assert "issuer=Carpeta%20Ciudadana" in uri
    assert "digits=6" in uri
    assert "period=30" in uri


def test_hotp_refuses_a_negative_counter_and_odd_lengths():
    with pytest.raises(ValueError, match="negative"):
        totp.hotp(SHA1_KEY, -1)
    with pytest.raises(ValueError, match="digits"):
        totp.hotp(SHA1_KEY, 0, digits=4)
