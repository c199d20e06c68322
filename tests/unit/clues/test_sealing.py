"""Envelope encryption of clue details: opens for the right clue and key only, and leaks nothing."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from services.clues import sealing
from services.clues.sealing import Sealed, Tampered, WrongKey
from tests.unit.clues import builders as b

PLAINTEXT = (b.DETAILS * 20).encode()


@pytest.fixture(scope="module")
def keys() -> tuple[bytes, bytes]:
    return sealing.generate_keypair()


@pytest.fixture(scope="module")
def other_keys() -> tuple[bytes, bytes]:
    return sealing.generate_keypair()


@pytest.fixture(scope="module")
def sealed(keys: tuple[bytes, bytes]) -> Sealed:
    return sealing.seal("c-1", PLAINTEXT, keys[1])


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_round_trip(keys: tuple[bytes, bytes], sealed: Sealed) -> None:
    assert sealing.open_sealed("c-1", sealed, keys[0]) == PLAINTEXT


@pytest.mark.parametrize("plaintext", [b"", b"x", "详情".encode() * 10000], ids=["empty", "one", "large"])
def test_round_trip_of_any_size(keys: tuple[bytes, bytes], plaintext: bytes) -> None:
    assert sealing.open_sealed("c-2", sealing.seal("c-2", plaintext, keys[1]), keys[0]) == plaintext


def test_keys_as_objects_pem_bytes_or_text(keys: tuple[bytes, bytes]) -> None:
    private, public = keys
    private_key, public_key = sealing.load_private_key(private), sealing.load_public_key(public.decode())
    for seal_with in (public, public.decode(), public_key):
        value = sealing.seal("c-1", b"secret", seal_with)
        for open_with in (private, private.decode(), private_key):
            assert sealing.open_sealed("c-1", value, open_with) == b"secret"


def test_generated_keys_are_pem_and_3072_bits(keys: tuple[bytes, bytes]) -> None:
    private, public = keys
    assert private.startswith(b"-----BEGIN PRIVATE KEY-----") and public.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert sealing.load_private_key(private).key_size == 3072
    assert sealing.load_public_key(public).key_size == 3072


def test_every_seal_has_its_own_data_key_and_nonce(keys: tuple[bytes, bytes]) -> None:
    first, second = (sealing.seal("c-1", PLAINTEXT, keys[1]) for _ in range(2))
    assert first.wrapped_key != second.wrapped_key
    assert first.nonce != second.nonce and len(first.nonce) == 12
    assert first.ciphertext != second.ciphertext
    assert len(first.ciphertext) == len(PLAINTEXT) + 16  # GCM tag
    assert len(first.wrapped_key) == 3072 // 8


def test_the_key_id_is_a_short_fingerprint_of_the_public_key(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes], sealed: Sealed
) -> None:
    public = sealing.load_public_key(keys[1])
    der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert sealed.key_id == sealing.key_id(keys[1]) == hashlib.sha256(der).hexdigest()[:16]
    assert sealing.key_id(public) == sealing.key_id(keys[1].decode())
    assert sealing.key_id(other_keys[1]) != sealed.key_id


# --- tampering -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, len(PLAINTEXT) // 2, -17, -1], ids=["first", "second", "mid", "last", "tag"])
def test_a_tampered_ciphertext_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed, index: int) -> None:
    tampered = dataclasses.replace(sealed, ciphertext=flip(sealed.ciphertext, index % len(sealed.ciphertext)))
    with pytest.raises(Tampered, match="ciphertext"):
        sealing.open_sealed("c-1", tampered, keys[0])


def test_a_truncated_or_extended_ciphertext_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed) -> None:
    for ciphertext in (sealed.ciphertext[:-1], sealed.ciphertext + b"\x00", sealed.ciphertext[16:], b""):
        with pytest.raises(Tampered):
            sealing.open_sealed("c-1", dataclasses.replace(sealed, ciphertext=ciphertext), keys[0])


@pytest.mark.parametrize("index", [0, 5, 11])
def test_a_tampered_nonce_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed, index: int) -> None:
    with pytest.raises(Tampered):
        sealing.open_sealed("c-1", dataclasses.replace(sealed, nonce=flip(sealed.nonce, index)), keys[0])


@pytest.mark.parametrize("nonce", [b"", b"\x00" * 11, b"\x00" * 13, b"\x00" * 16])
def test_a_nonce_of_the_wrong_length_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed, nonce: bytes) -> None:
    with pytest.raises(Tampered):
        sealing.open_sealed("c-1", dataclasses.replace(sealed, nonce=nonce), keys[0])


@pytest.mark.parametrize("index", [0, 100, -1])
def test_a_tampered_wrapped_key_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed, index: int) -> None:
    tampered = dataclasses.replace(sealed, wrapped_key=flip(sealed.wrapped_key, index % len(sealed.wrapped_key)))
    with pytest.raises(Tampered, match="wrapped data key"):
        sealing.open_sealed("c-1", tampered, keys[0])


def test_a_wrapped_key_of_another_seal_does_not_open(keys: tuple[bytes, bytes], sealed: Sealed) -> None:
    other = sealing.seal("c-1", PLAINTEXT, keys[1])
    with pytest.raises(Tampered):
        sealing.open_sealed("c-1", dataclasses.replace(sealed, wrapped_key=other.wrapped_key), keys[0])


@pytest.mark.parametrize("clue_id", ["c-2", "c-1 ", "C-1", "c-10", ""])
def test_a_ciphertext_moved_to_another_clue_does_not_open(
    keys: tuple[bytes, bytes], sealed: Sealed, clue_id: str
) -> None:
    with pytest.raises(Tampered, match="another"):
        sealing.open_sealed(clue_id, sealed, keys[0])


def test_the_wrong_key_is_named_clearly(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes], sealed: Sealed
) -> None:
    with pytest.raises(WrongKey) as caught:
        sealing.open_sealed("c-1", sealed, other_keys[0])
    assert sealed.key_id in str(caught.value) and sealing.key_id(other_keys[1]) in str(caught.value)


def test_a_relabelled_key_id_is_caught(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes], sealed: Sealed
) -> None:
    relabelled = dataclasses.replace(sealed, key_id=sealing.key_id(other_keys[1]))
    with pytest.raises(WrongKey):
        sealing.open_sealed("c-1", relabelled, keys[0])
    with pytest.raises(Tampered):  # the other key's holder cannot unwrap a key wrapped for ours
        sealing.open_sealed("c-1", relabelled, other_keys[0])


def test_failures_carry_no_plaintext(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes], sealed: Sealed
) -> None:
    failures: list[Exception] = []
    for clue_id, value, key in [
        ("c-2", sealed, keys[0]),
        ("c-1", sealed, other_keys[0]),
        ("c-1", dataclasses.replace(sealed, nonce=flip(sealed.nonce, 0)), keys[0]),
    ]:
        with pytest.raises(sealing.SealingError) as caught:
            sealing.open_sealed(clue_id, value, key)
        failures.append(caught.value)
    for failure in failures:
        assert b.DETAILS[:4] not in str(failure) and failure.__cause__ is None


# --- nothing in the clear --------------------------------------------------------------------------------


def test_the_sealed_value_contains_no_piece_of_the_plaintext(sealed: Sealed) -> None:
    stored = sealed.to_bytes()
    for part in (sealed.ciphertext, sealed.wrapped_key, stored):
        for i in range(0, len(PLAINTEXT) - 6, 3):
            assert PLAINTEXT[i : i + 6] not in part
    assert b.DETAILS.encode() not in stored and "张某某".encode() not in stored


def test_text_in_other_encodings_is_not_there_either(keys: tuple[bytes, bytes]) -> None:
    text = "张某某收受财物" * 10
    stored = sealing.seal("c-1", text.encode(), keys[1]).to_bytes()
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        assert "张某某".encode(encoding) not in stored


# --- storage and rotation --------------------------------------------------------------------------------


def test_one_column_round_trip(keys: tuple[bytes, bytes], sealed: Sealed) -> None:
    raw = sealed.to_bytes()
    assert raw.startswith(sealing.MAGIC)
    assert Sealed.from_bytes(raw) == sealed
    assert sealing.open_sealed("c-1", Sealed.from_bytes(raw), keys[0]) == PLAINTEXT


@pytest.mark.parametrize(
    "raw",
    [b"", b"WCS1", b"XXXX" + b"\x00" * 600, b"WCS1" + b"\x00" * 8 + b"\x01\x80" + b"\x00" * 10],
    ids=["empty", "magic only", "bad magic", "truncated"],
)
def test_a_malformed_column_is_refused(raw: bytes) -> None:
    with pytest.raises(Tampered):
        Sealed.from_bytes(raw)


def test_a_truncated_column_is_refused(sealed: Sealed) -> None:
    raw = sealed.to_bytes()
    for cut in (len(raw) - len(sealed.ciphertext), 30, len(raw) - len(sealed.ciphertext) - 1):
        with pytest.raises(Tampered):
            Sealed.from_bytes(raw[:cut])


def test_rotation_opens_old_values_with_the_old_key(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes], sealed: Sealed
) -> None:
    held = [sealing.load_private_key(other_keys[0]), sealing.load_private_key(keys[0])]
    newer = sealing.seal("c-9", b"new", other_keys[1])
    assert sealing.open_sealed("c-1", sealed, sealing.private_key_for(sealed, held)) == PLAINTEXT
    assert sealing.open_sealed("c-9", newer, sealing.private_key_for(newer, held)) == b"new"
    with pytest.raises(WrongKey, match="not among"):
        sealing.private_key_for(sealed, held[:1])


# --- keys --------------------------------------------------------------------------------------------------


def test_only_rsa_keys_of_2048_bits_or_more() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_public = ec_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    ec_private = ec_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ValueError, match="RSA"):
        sealing.load_public_key(ec_public)
    with pytest.raises(ValueError, match="RSA"):
        sealing.load_private_key(ec_private)
    short = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    short_public = short.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(ValueError, match="too short"):
        sealing.load_public_key(short_public)
    with pytest.raises(ValueError, match="too short"):
        sealing.seal("c-1", b"x", short_public)


def test_a_sealed_value_belongs_to_a_clue(keys: tuple[bytes, bytes]) -> None:
    with pytest.raises(ValueError, match="clue_id"):
        sealing.seal("", b"x", keys[1])


def test_the_public_key_alone_seals_but_cannot_open(keys: tuple[bytes, bytes], sealed: Sealed) -> None:
    with pytest.raises(ValueError):
        sealing.open_sealed("c-1", sealed, keys[1])  # a public key is not an opening key
