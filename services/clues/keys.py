"""The clue service's secrets, read from the files the settings name.

In development and tests, missing files are made on first start under ``var/keys`` (mode 0600), with
the audit log's public key beside them (``clues-audit.vkey``) for witnesses and ``wulian audit verify``.
Production refuses to start without configured files (settings), and the keys never enter a database.
"""

from __future__ import annotations

from services.clues import sealing
from services.clues.handlers import Keys
from wulian.kit.audit.keyfile import load_signer, write_secret
from wulian.kit.settings import Settings

SEALING_FILE = "clue-sealing.pem"
SIGNING_FILE = "clues-audit.key"


def load_keys(settings: Settings) -> Keys:
    sealing_file = settings.clue_sealing_key_file or settings.keys_dir / SEALING_FILE
    signing_file = settings.audit_signing_key_file or settings.keys_dir / SIGNING_FILE
    create = not settings.is_production
    if create and not sealing_file.exists():
        private_pem, _ = sealing.generate_keypair()
        write_secret(sealing_file, private_pem)
    signer = load_signer(signing_file, settings.audit_origin, create=create, vkey_path=settings.clues_audit_vkey_file)
    private_key = sealing.load_private_key(sealing_file.read_bytes())
    return Keys(private_key, private_key.public_key(), signer, settings.audit_origin)
