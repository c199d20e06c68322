"""The tamper-evident audit trail every service can keep (DESIGN.md, "Trust between bodies").

A service appends entries in its own transactions (:func:`append`), signs checkpoints
(:func:`sign_checkpoint`) that the other bodies keep and witness, and serves inclusion and
consistency proofs from stored subtree hashes; ``wulian audit verify`` checks a whole log offline.

- :mod:`.merkle` — RFC 9162 hashing and proofs, pure;
- :mod:`.checkpoint` — C2SP signed notes and checkpoints, Ed25519 keys, witness cosignatures;
- :mod:`.log` — the tables and the functions a service calls inside its transactions;
- :mod:`.verify` — recomputing a log from its raw entries and naming the first bad one.
"""

from wulian.kit.audit.checkpoint import Checkpoint, Signer, Verifier, cosign, generate_key, open_checkpoint
from wulian.kit.audit.log import (
    TABLES,
    AuditEntry,
    EntryNotFound,
    IntegrityError,
    add_audit_tables,
    append,
    checkpoint_at,
    consistency_proof,
    drop_audit_tables,
    entry,
    inclusion_proof,
    latest_checkpoint,
    root,
    sign_checkpoint,
    size,
)

__all__ = [
    "TABLES",
    "AuditEntry",
    "Checkpoint",
    "EntryNotFound",
    "IntegrityError",
    "Signer",
    "Verifier",
    "add_audit_tables",
    "append",
    "checkpoint_at",
    "consistency_proof",
    "cosign",
    "drop_audit_tables",
    "entry",
    "generate_key",
    "inclusion_proof",
    "latest_checkpoint",
    "open_checkpoint",
    "root",
    "sign_checkpoint",
    "size",
]
