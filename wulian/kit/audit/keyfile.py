"""A service's audit-log signing key, read from a file.

In development and tests a missing key file is made on first start (mode 0600), with the verifier key
beside it (``<name>.vkey``) for witnesses and ``wulian audit verify``. Production names its key files in
the settings and refuses to start without them; keys never enter a database.
"""

from __future__ import annotations

import os
from pathlib import Path

from wulian.kit.audit.checkpoint import Signer, generate_key


def write_secret(path: Path, data: bytes) -> None:
    """Create ``path`` readable by its owner only; an existing file is never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def key_name(origin: str) -> str:
    """A signed-note key name from the log's origin (no spaces or '+')."""
    return origin.replace("+", "-")


def load_signer(path: Path, origin: str, *, create: bool, vkey_path: Path | None = None) -> Signer:
    """The signer in ``path``; with ``create``, a new key is made there first when there is none (and its
    verifier key written to ``vkey_path``)."""
    if create and not path.exists():
        skey, vkey = generate_key(key_name(origin))
        write_secret(path, skey.encode())
        if vkey_path is not None:
            vkey_path.write_text(vkey + "\n", encoding="utf-8")
    return Signer.from_skey(path.read_text(encoding="utf-8").strip())
