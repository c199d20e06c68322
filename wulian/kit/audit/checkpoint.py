"""C2SP signed notes and tlog checkpoints: the signed statement "the log had n entries and this root".

Formats (https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint), written to match
golang.org/x/mod/sumdb/note byte for byte, so that any Go tool of the transparency ecosystem reads
our checkpoints and our keys:

- a note is a text ending in a newline, a blank line, then lines ``— <name> <base64(key id || sig)>``
  (U+2014 em dash); the text is what is signed;
- Ed25519 only (signature type 0x01); key id = the first 4 bytes of SHA-256(name || "\\n" || 0x01 || key);
- verifier key ``<name>+<hex key id>+<base64(0x01 || public key)>``, signer key
  ``PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>``;
- a checkpoint's text is the origin, the tree size in decimal, the base64 root hash and optional
  extension lines.

Witnesses cosign with the same plain Ed25519 note signature over the same text — not the timestamped
0x04 type of c2sp.org/tlog-cosignature — so a witness key is an ordinary verifier key and any note
reader checks it. A witness signs only after checking that the new checkpoint extends the last one it
signed (:func:`cosign`); that is what makes a rewritten history visible to the other bodies.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature as _BadEd25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from wulian.kit.audit import merkle

ALG_ED25519 = 1
MAX_SIGNATURES = 100  # as Go's note.Open: parsing a note stays cheap whatever it holds
_SIG_PREFIX = "— "
_HEX8 = re.compile(r"[0-9a-fA-F]{8}")
_SIZE = re.compile(r"0|[1-9][0-9]*")


class NoteError(ValueError):
    """A note, a key or a checkpoint was refused."""


class MalformedNote(NoteError):
    """The text is not a signed note, or not a checkpoint."""


class UnverifiedNote(NoteError):
    """The note is well formed but no known key signed it; ``note`` holds what was read."""

    def __init__(self, note: Note) -> None:
        super().__init__("note has no verifiable signatures")
        self.note = note


class InvalidSignature(NoteError):
    """A known key's signature does not verify: the whole note is refused, as the spec advises."""


class KeyFormatError(NoteError):
    """A signer or verifier key string is malformed or its key id does not match its key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise ValueError(f"not base64: {text!r}") from error


def is_valid_name(name: str) -> bool:
    """Key names are non-empty, without spaces or plus signs (they are fields of the key strings)."""
    return bool(name) and "+" not in name and not any(ch.isspace() for ch in name) and _encodable(name)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def key_id(name: str, public_key: bytes) -> int:
    """SHA-256(name || "\\n" || 0x01 || public key), first 4 bytes, big-endian."""
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([ALG_ED25519]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


# --- keys ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verifier:
    """A public key and its name: checks signatures by that key."""

    name: str
    public_key: bytes

    @property
    def key_id(self) -> int:
        return key_id(self.name, self.public_key)

    @property
    def vkey(self) -> str:
        return f"{self.name}+{self.key_id:08x}+{_b64(bytes([ALG_ED25519]) + self.public_key)}"

    @classmethod
    def from_vkey(cls, vkey: str) -> Verifier:
        """Parse ``<name>+<hex id>+<base64(0x01 || key)>``, refusing any key whose id does not match."""
        name, _, rest = vkey.partition("+")
        hex_id, _, encoded = rest.partition("+")
        try:
            key = _unb64(encoded)
        except ValueError as error:
            raise KeyFormatError("malformed verifier key") from error
        if not (_HEX8.fullmatch(hex_id) and is_valid_name(name) and len(key) == 33 and key[0] == ALG_ED25519):
            raise KeyFormatError("malformed verifier key")
        verifier = cls(name, key[1:])
        if verifier.key_id != int(hex_id, 16):
            raise KeyFormatError("verifier key id does not match its key")
        return verifier

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except (_BadEd25519, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Signer:
    """A private key and its name. Its repr hides the seed, so that a log line never leaks it."""

    name: str
    seed: bytes

    def __repr__(self) -> str:
        return f"Signer(name={self.name!r}, key_id={self.key_id:08x})"

    @property
    def public_key(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()

    @property
    def key_id(self) -> int:
        return key_id(self.name, self.public_key)

    @property
    def skey(self) -> str:
        return f"PRIVATE+KEY+{self.name}+{self.key_id:08x}+{_b64(bytes([ALG_ED25519]) + self.seed)}"

    @classmethod
    def from_skey(cls, skey: str) -> Signer:
        """Parse ``PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>``; the id must match the derived key."""
        parts = skey.split("+", 4)
        if len(parts) != 5 or parts[0] != "PRIVATE" or parts[1] != "KEY":
            raise KeyFormatError("malformed signer key")
        _, _, name, hex_id, encoded = parts
        try:
            key = _unb64(encoded)
        except ValueError as error:
            raise KeyFormatError("malformed signer key") from error
        if not (_HEX8.fullmatch(hex_id) and is_valid_name(name) and len(key) == 33 and key[0] == ALG_ED25519):
            raise KeyFormatError("malformed signer key")
        signer = cls(name, key[1:])
        if signer.key_id != int(hex_id, 16):
            raise KeyFormatError("signer key id does not match its key")
        return signer

    def verifier(self) -> Verifier:
        return Verifier(self.name, self.public_key)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)


def generate_key(name: str) -> tuple[str, str]:
    """A new Ed25519 key pair for ``name``: (signer key, verifier key). Keep the first secret."""
    if not is_valid_name(name):
        raise KeyFormatError(f"invalid key name {name!r}")
    signer = Signer(name, Ed25519PrivateKey.generate().private_bytes_raw())
    return signer.skey, signer.verifier().vkey


# --- notes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    """One signature line: who (name and key id) and the raw signature bytes."""

    name: str
    key_id: int
    signature: bytes

    @property
    def line(self) -> str:
        return f"{_SIG_PREFIX}{self.name} {_b64(self.key_id.to_bytes(4, 'big') + self.signature)}\n"


@dataclass(frozen=True)
class Note:
    """A parsed note: its text and every signature line, not yet checked."""

    text: str
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class VerifiedNote:
    """A note with at least one good signature by a known key; other keys' signatures are kept apart."""

    text: str
    verified: tuple[Signature, ...]
    unverified: tuple[Signature, ...]

    def signed_by(self, verifier: Verifier) -> bool:
        return any(s.name == verifier.name and s.key_id == verifier.key_id for s in self.verified)


def _check_text(text: str) -> None:
    if not _encodable(text) or any(ch < " " and ch != "\n" for ch in text):
        raise MalformedNote("malformed note")


def parse_note(note: str | bytes) -> Note:
    """Split a signed note into text and signature lines, checking only its syntax."""
    if isinstance(note, bytes):
        try:
            note = note.decode("utf-8")
        except UnicodeDecodeError as error:
            raise MalformedNote("malformed note") from error
    _check_text(note)
    split = note.rfind("\n\n")
    if split < 0:
        raise MalformedNote("malformed note")
    text, block = note[: split + 1], note[split + 2 :]
    if not block.endswith("\n"):
        raise MalformedNote("malformed note")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise MalformedNote("malformed note")
    return Note(text, tuple(_parse_signature_line(line) for line in lines))


def _parse_signature_line(line: str) -> Signature:
    if not line.startswith(_SIG_PREFIX):
        raise MalformedNote("malformed note")
    name, _, encoded = line[len(_SIG_PREFIX) :].partition(" ")
    try:
        raw = _unb64(encoded)
    except ValueError as error:
        raise MalformedNote("malformed note") from error
    if not is_valid_name(name) or not encoded or len(raw) < 5:
        raise MalformedNote("malformed note")
    return Signature(name, int.from_bytes(raw[:4], "big"), raw[4:])


def open_note(note: str | bytes, verifiers: Iterable[Verifier]) -> VerifiedNote:
    """Parse a note and check its signatures against the known keys.

    As the spec and Go's note.Open: a signature by an unknown key is kept unverified; a bad signature
    by a known key refuses the note (:class:`InvalidSignature`); a note without any good known
    signature is refused (:class:`UnverifiedNote`); repeated lines count once.
    """
    parsed = parse_note(note)
    known: dict[tuple[str, int], list[Verifier]] = {}
    for verifier in verifiers:
        known.setdefault((verifier.name, verifier.key_id), []).append(verifier)
    message = parsed.text.encode("utf-8")
    verified: list[Signature] = []
    unverified: list[Signature] = []
    seen: set[tuple[str, int]] = set()
    for signature in parsed.signatures:
        who = (signature.name, signature.key_id)
        candidates = known.get(who)
        if candidates is None:
            if signature not in unverified:
                unverified.append(signature)
            continue
        if len(candidates) > 1:
            raise NoteError(f"ambiguous key {signature.name}+{signature.key_id:08x}")
        if who in seen:
            continue
        seen.add(who)
        if not candidates[0].verify(message, signature.signature):
            raise InvalidSignature(f"invalid signature for key {signature.name}+{signature.key_id:08x}")
        verified.append(signature)
    if not verified:
        raise UnverifiedNote(Note(parsed.text, tuple(unverified)))
    return VerifiedNote(parsed.text, tuple(verified), tuple(unverified))


def sign_note(text: str, *signers: Signer, keep: Sequence[Signature] = ()) -> str:
    """The signed note of ``text``: the signatures in ``keep`` (less those the signers replace), then theirs."""
    if not text.endswith("\n"):
        raise MalformedNote("malformed note")
    _check_text(text)
    for signer in signers:
        if not is_valid_name(signer.name):
            raise NoteError("invalid signer")
    replaced = {(signer.name, signer.key_id) for signer in signers}
    message = text.encode("utf-8")
    lines = [s.line for s in keep if (s.name, s.key_id) not in replaced]
    lines += [Signature(signer.name, signer.key_id, signer.sign(message)).line for signer in signers]
    if not lines:
        raise NoteError("a note needs at least one signature")
    return text + "\n" + "".join(lines)


def add_signature(note: str, signer: Signer) -> str:
    """``note`` with one more signature line by ``signer`` (replacing an older one by the same key)."""
    parsed = parse_note(note)
    return sign_note(parsed.text, signer, keep=parsed.signatures)


# --- checkpoints --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A tree head: origin (which log), size and root hash, plus optional extension lines."""

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def body(self) -> str:
        """The note text; refuses values that would not parse back to this checkpoint."""
        lines = [self.origin, str(self.size), _b64(self.root_hash), *self.extensions]
        if not self.origin or any(not line or "\n" in line for line in lines) or self.size < 0:
            raise MalformedNote("a checkpoint line is empty or holds a newline")
        if len(self.root_hash) != merkle.HASH_SIZE:
            raise MalformedNote(f"a root hash of {len(self.root_hash)} bytes")
        text = "\n".join(lines) + "\n"
        _check_text(text)
        return text

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """Read a checkpoint body (a note's text), refusing anything the format does not allow."""
        if not text.endswith("\n"):
            raise MalformedNote("a checkpoint ends with a newline")
        _check_text(text)
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise MalformedNote("a checkpoint has at least three lines")
        origin, size, encoded, *extensions = lines
        if not origin:
            raise MalformedNote("empty origin")
        if not _SIZE.fullmatch(size) or int(size) >= 1 << 63:
            raise MalformedNote(f"invalid tree size {size!r}")
        try:
            root_hash = _unb64(encoded)
        except ValueError as error:
            raise MalformedNote("root hash is not base64") from error
        if len(root_hash) != merkle.HASH_SIZE or _b64(root_hash) != encoded:
            raise MalformedNote("root hash is not 32 bytes in canonical base64")
        if any(not line for line in extensions):
            raise MalformedNote("empty extension line")
        return cls(origin, int(size), root_hash, tuple(extensions))

    def sign(self, signer: Signer) -> str:
        """This checkpoint as a note signed by ``signer`` (the log's key)."""
        return sign_note(self.body(), signer)


def open_checkpoint(
    note: str, log_key: Verifier, *, witnesses: Iterable[Verifier] = (), origin: str | None = None
) -> tuple[Checkpoint, VerifiedNote]:
    """Verify a checkpoint note: the log's key must have signed it; witnesses' signatures are checked too."""
    verified = open_note(note, [log_key, *witnesses])
    if not verified.signed_by(log_key):
        raise UnverifiedNote(Note(verified.text, verified.verified + verified.unverified))
    checkpoint = Checkpoint.parse(verified.text)
    if origin is not None and checkpoint.origin != origin:
        raise NoteError(f"checkpoint of {checkpoint.origin!r}, expected {origin!r}")
    return checkpoint, verified


def cosign(
    note: str,
    witness: Signer,
    log_key: Verifier,
    *,
    previous: Checkpoint | None = None,
    proof: Sequence[bytes] = (),
) -> str:
    """Witness a checkpoint: check the log's signature and, given the last checkpoint this witness
    signed, the consistency proof from it; then add the witness's signature line.

    A witness that cosigns without ``previous`` vouches only for the signature; pass it (and the
    proof from the log) whenever there is one, or the cosignature protects nothing.
    """
    checkpoint, _ = open_checkpoint(note, log_key)
    if previous is not None:
        if previous.origin != checkpoint.origin:
            raise NoteError(f"checkpoint of {checkpoint.origin!r}, the witness follows {previous.origin!r}")
        try:
            merkle.verify_consistency(previous.size, checkpoint.size, previous.root_hash, checkpoint.root_hash, proof)
        except merkle.ProofError as error:
            raise NoteError(f"not consistent with the checkpoint of size {previous.size}: {error}") from error
    return add_signature(note, witness)
