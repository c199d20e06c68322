"""Envelope encryption of a clue's details for the discipline commission (clue contents at rest).

Each sealed value has a fresh 256-bit AES-GCM data key; the data key is wrapped with RSA-OAEP (SHA-256)
to the commission's public key. A transferring service can therefore seal what it cannot open, and a copy
of the database without the private key reveals nothing. The associated data binds the ciphertext to
its clue id and key id, so a ciphertext moved to another clue (or relabelled with another key) does not
open. ``key_id`` is a short SHA-256 fingerprint of the public key, stored with every sealed value so
that keys can be rotated: open with the private key whose id matches (``private_key_for``).

The private key is the clues service's alone (a PEM from a setting or a file); this module takes it as a
parameter and reads nothing itself. Keys may be passed as PEM or as loaded key objects; parsing a private
PEM checks the key and takes tens of milliseconds, so a service loads its key once (``load_private_key``)
and passes the object. Failures raise ``WrongKey`` (sealed for another key) or ``Tampered``
(anything else does not check out); neither message carries plaintext.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BITS = 3072
MIN_KEY_BITS = 2048
DATA_KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 8  # 16 hex digits
AD_LABEL = b"wulian.clues.v1.sealed"
MAGIC = b"WCS1"  # the format of ``Sealed.to_bytes``

K = TypeVar("K", rsa.RSAPublicKey, rsa.RSAPrivateKey)
_OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


class SealingError(Exception):
    """A sealed value could not be opened or read."""


class WrongKey(SealingError):
    """The value was sealed for another key than the one given."""


class Tampered(SealingError):
    """The value does not check out: altered, truncated, or moved from another clue."""


@dataclass(frozen=True, slots=True)
class Sealed:
    wrapped_key: bytes  # the data key, RSA-OAEP(SHA-256) to the public key ``key_id``
    nonce: bytes
    ciphertext: bytes  # AES-256-GCM, tag appended
    key_id: str

    def to_bytes(self) -> bytes:
        """One column's worth: magic, key id, wrapped key (length-prefixed), nonce, ciphertext."""
        length = struct.pack(">H", len(self.wrapped_key))
        return MAGIC + bytes.fromhex(self.key_id) + length + self.wrapped_key + self.nonce + self.ciphertext

    @classmethod
    def from_bytes(cls, raw: bytes) -> Sealed:
        head = len(MAGIC) + KEY_ID_BYTES + 2
        if len(raw) < head or not raw.startswith(MAGIC):
            raise Tampered("not a sealed clue value")
        key_id = raw[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES].hex()
        (wrapped_len,) = struct.unpack(">H", raw[head - 2 : head])
        wrapped = raw[head : head + wrapped_len]
        nonce = raw[head + wrapped_len : head + wrapped_len + NONCE_BYTES]
        ciphertext = raw[head + wrapped_len + NONCE_BYTES :]
        if len(wrapped) != wrapped_len or len(nonce) != NONCE_BYTES or not ciphertext:
            raise Tampered("sealed clue value is truncated")
        return cls(wrapped_key=wrapped, nonce=nonce, ciphertext=ciphertext, key_id=key_id)


def generate_keypair(bits: int = KEY_BITS) -> tuple[bytes, bytes]:
    """A new RSA key pair as (private PKCS#8 PEM, public SubjectPublicKeyInfo PEM), unencrypted: the
    caller stores the private one where only the clues service reads it."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_public_key(pem: bytes | str) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the commission's sealing key must be an RSA public key")
    return _strong(key)


def load_private_key(pem: bytes | str, password: bytes | None = None) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem.encode() if isinstance(pem, str) else pem, password=password)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the commission's opening key must be an RSA private key")
    return _strong(key)


def _strong(key: K) -> K:
    if key.key_size < MIN_KEY_BITS:
        raise ValueError(f"an RSA key of {key.key_size} bits is too short (at least {MIN_KEY_BITS})")
    return key


def key_id(public_key: rsa.RSAPublicKey | bytes | str) -> str:
    """The first 8 bytes of the SHA-256 of the key's DER SubjectPublicKeyInfo, in hex."""
    key = _public(public_key)
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).digest()[:KEY_ID_BYTES].hex()


def associated_data(clue_id: str, kid: str) -> bytes:
    return b"\x00".join((AD_LABEL, kid.encode("ascii"), clue_id.encode("utf-8")))


def seal(clue_id: str, plaintext: bytes, public_key: rsa.RSAPublicKey | bytes | str) -> Sealed:
    """``plaintext`` encrypted for the holder of ``public_key``'s private key, bound to ``clue_id``."""
    if not clue_id:
        raise ValueError("a sealed value belongs to a clue: clue_id is required")
    key = _public(public_key)
    kid = key_id(key)
    data_key = AESGCM.generate_key(bit_length=DATA_KEY_BYTES * 8)
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(nonce, plaintext, associated_data(clue_id, kid))
    return Sealed(wrapped_key=key.encrypt(data_key, _OAEP), nonce=nonce, ciphertext=ciphertext, key_id=kid)


def open_sealed(clue_id: str, sealed: Sealed, private_key: rsa.RSAPrivateKey | bytes | str) -> bytes:
    """The plaintext sealed for ``clue_id``; ``WrongKey`` or ``Tampered`` when it does not open."""
    key = _private(private_key)
    kid = key_id(key.public_key())
    if sealed.key_id != kid:
        raise WrongKey(f"sealed for key {sealed.key_id!r}, but the key given is {kid!r}")
    try:
        data_key = key.decrypt(sealed.wrapped_key, _OAEP)
    except ValueError:
        raise Tampered("the wrapped data key does not unwrap with this key") from None
    if len(data_key) != DATA_KEY_BYTES or len(sealed.nonce) != NONCE_BYTES:
        raise Tampered("the data key or the nonce has the wrong length")
    try:
        return AESGCM(data_key).decrypt(sealed.nonce, sealed.ciphertext, associated_data(clue_id, kid))
    except InvalidTag:
        raise Tampered("the ciphertext does not check out for this clue (altered, or moved from another)") from None


def private_key_for(sealed: Sealed, keys: Iterable[rsa.RSAPrivateKey]) -> rsa.RSAPrivateKey:
    """Of the keys held (the current one and those rotated out), the one ``sealed`` was sealed for."""
    held = {key_id(key.public_key()): key for key in keys}
    if sealed.key_id not in held:
        raise WrongKey(f"sealed for key {sealed.key_id!r}, which is not among the keys held {sorted(held)}")
    return held[sealed.key_id]


def _public(key: rsa.RSAPublicKey | bytes | str) -> rsa.RSAPublicKey:
    return key if isinstance(key, rsa.RSAPublicKey) else load_public_key(key)


def _private(key: rsa.RSAPrivateKey | bytes | str) -> rsa.RSAPrivateKey:
    return key if isinstance(key, rsa.RSAPrivateKey) else load_private_key(key)
