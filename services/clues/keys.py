"""The clue service's secrets, read from the files the settings name.

In development and tests, missing files are made on first start under ``var/keys`` (mode 0600), with
the audit log's public key beside them (``clues-audit.vkey``) for witnesses and ``wulian audit verify``.
Production refuses to start without configured files (settings), and the keys never enter a database.
"""

from __future__ import annotations

import os
from pathlib import Path

from services.clues import sealing
from services.clues.handlers import Keys
from wulian.kit.audit.checkpoint import Signer, generate_key
from wulian.kit.settings import Settings

SEALING_FILE = "clue-sealing.pem"
SIGNING_FILE = "clues-audit.key"


def _write_secret(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def key_name(origin: str) -> str:
    """A signed-note key name from the log's origin (no spaces or '+')."""
    return origin.replace("+", "-")


def load_keys(settings: Settings) -> Keys:
    sealing_file = settings.clue_sealing_key_file or settings.keys_dir / SEALING_FILE
    signing_file = settings.audit_signing_key_file or settings.keys_dir / SIGNING_FILE
    if not settings.is_production:
        if not sealing_file.exists():
            private_pem, _ = sealing.generate_keypair()
            _write_secret(sealing_file, private_pem)
        if not signing_file.exists():
            skey, vkey = generate_key(key_name(settings.audit_origin))
            _write_secret(signing_file, skey.encode())
            settings.clues_audit_vkey_file.write_text(vkey + "\n", encoding="utf-8")
    private_key = sealing.load_private_key(sealing_file.read_bytes())
    signer = Signer.from_skey(signing_file.read_text(encoding="utf-8").strip())
    return Keys(private_key, private_key.public_key(), signer, settings.audit_origin)
