"""Signed notes, keys, checkpoints and cosignatures.

The PeterNeumann and EnochRoot keys, texts and signatures are the fixed vectors of
golang.org/x/mod/sumdb/note (note_test.go); reproducing them byte for byte means Go tools of the
transparency ecosystem read our notes and we read theirs.
"""

from __future__ import annotations

import pytest

from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import (
    Checkpoint,
    InvalidSignature,
    KeyFormatError,
    MalformedNote,
    NoteError,
    Signature,
    Signer,
    UnverifiedNote,
    Verifier,
    add_signature,
    cosign,
    generate_key,
    open_checkpoint,
    open_note,
    parse_note,
    sign_note,
)

PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
PETER_B64 = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
ENOCH_B64 = "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ="
PETER_SIG = f"— PeterNeumann {PETER_B64}\n"
ENOCH_SIG = f"— EnochRoot {ENOCH_B64}\n"


def peter() -> Verifier:
    return Verifier.from_vkey(PETER_VKEY)


def enoch() -> Verifier:
    return Verifier.from_vkey(ENOCH_VKEY)


def sig(line: str) -> Signature:
    return parse_note(TEXT + "\n" + line).signatures[0]


# --- keys ---------------------------------------------------------------------------------------


def manglings(key: str) -> list[str]:
    """Every proper substring and every one-character increment, as Go's TestNewVerifier/TestNewSigner."""
    cut = [key[i:j] for i in range(len(key) + 1) for j in range(i + 1, len(key) + 1) if (i, j) != (0, len(key))]
    bumped = [key[:i] + chr(ord(key[i]) + 1) + key[i + 1 :] for i in range(len(key))]
    return cut + bumped


def test_the_go_verifier_key_parses_and_every_mangling_is_refused() -> None:
    verifier = peter()
    assert (verifier.name, verifier.key_id) == ("PeterNeumann", 0xC74F20A3)
    assert verifier.vkey == PETER_VKEY
    for bad in [
        *manglings(PETER_VKEY),
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",  # wrong length
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # unknown algorithm
    ]:
        with pytest.raises(KeyFormatError):
            Verifier.from_vkey(bad)


def test_the_go_signer_key_parses_and_every_mangling_is_refused() -> None:
    signer = Signer.from_skey(PETER_SKEY)
    assert signer.skey == PETER_SKEY
    assert signer.verifier() == peter()
    assert "AYEKF" not in repr(signer)  # a log line never shows the seed
    for bad in manglings(PETER_SKEY):
        with pytest.raises(KeyFormatError):
            Signer.from_skey(bad)


def test_a_generated_key_pair_signs_and_verifies() -> None:
    skey, vkey = generate_key("EnochRoot")
    signer, verifier = Signer.from_skey(skey), Verifier.from_vkey(vkey)
    assert (signer.name, signer.key_id) == (verifier.name, verifier.key_id) == ("EnochRoot", verifier.key_id)
    signature = signer.sign(b"hi")
    assert verifier.verify(b"hi", signature)
    assert not verifier.verify(b"hi", bytes([signature[0] ^ 1]) + signature[1:])
    assert not verifier.verify(b"hj", signature)
    with pytest.raises(KeyFormatError):
        generate_key("bad name")
    with pytest.raises(KeyFormatError):
        generate_key("a+b")


# --- signing ------------------------------------------------------------------------------------


def test_signing_reproduces_the_go_note_exactly() -> None:
    signer = Signer.from_skey(PETER_SKEY)
    want = TEXT + "\n" + PETER_SIG
    assert sign_note(TEXT, signer) == want
    # an existing signature by the same key is replaced by the new one
    assert sign_note(TEXT, signer, keep=[Signature("PeterNeumann", 0xC74F20A3, b"BADSIGN")]) == want
    assert add_signature(TEXT + "\n" + Signature("PeterNeumann", 0xC74F20A3, b"old").line, signer) == want
    other = Signature("PeterNeumann", 0, b"a different key of the same name").line
    assert add_signature(TEXT + "\n" + other, signer) == TEXT + "\n" + other + PETER_SIG
    with pytest.raises(MalformedNote):
        sign_note("abc", signer)
    with pytest.raises(NoteError):
        sign_note(TEXT)


def test_a_second_signature_is_added_after_the_first() -> None:
    second = Signer.from_skey(generate_key("EnochRoot")[0])
    note = add_signature(TEXT + "\n" + PETER_SIG, second)
    opened = open_note(note, [peter(), second.verifier()])
    assert [s.name for s in opened.verified] == ["PeterNeumann", "EnochRoot"]


# --- opening ------------------------------------------------------------------------------------


def test_one_signature_verified_the_other_kept_unverified() -> None:
    opened = open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [peter()])
    assert opened.text == TEXT
    assert opened.verified == (sig(PETER_SIG),)
    assert opened.unverified == (sig(ENOCH_SIG),)
    assert sig(PETER_SIG).line == PETER_SIG


def test_both_signatures_verified() -> None:
    opened = open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [peter(), enoch()])
    assert opened.verified == (sig(PETER_SIG), sig(ENOCH_SIG))
    assert opened.unverified == ()


def test_a_note_no_known_key_signed_is_refused_with_what_was_read() -> None:
    with pytest.raises(UnverifiedNote) as refused:
        open_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [])
    assert str(refused.value) == "note has no verifiable signatures"
    assert refused.value.note.signatures == (sig(PETER_SIG), sig(ENOCH_SIG))


def test_a_key_listed_twice_is_ambiguous_only_when_it_signed() -> None:
    with pytest.raises(NoteError, match="ambiguous key EnochRoot\\+af0cfe78"):
        open_note(TEXT + "\n" + ENOCH_SIG, [enoch(), peter(), enoch()])
    open_note(TEXT + "\n" + PETER_SIG, [enoch(), peter(), enoch()])


def test_too_many_signatures_make_a_malformed_note() -> None:
    for verifiers in ([peter()], []):
        with pytest.raises(MalformedNote):
            open_note(TEXT + "\n" + PETER_SIG * 101, verifiers)


def test_a_bad_signature_by_a_known_key_refuses_the_whole_note() -> None:
    with pytest.raises(InvalidSignature, match="invalid signature for key PeterNeumann\\+c74f20a3"):
        open_note(TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:], [peter()])


def test_repeated_signatures_count_once() -> None:
    enoch_abcd = ENOCH_SIG[:60] + "ABCD" + ENOCH_SIG[60:]
    opened = open_note(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enoch_abcd, [peter()])
    assert opened.verified == (sig(PETER_SIG),)
    assert opened.unverified == (sig(ENOCH_SIG), sig(enoch_abcd))


@pytest.mark.parametrize(
    "message",
    [
        # golang.org/x/mod/sumdb/note TestOpen badMsgs
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + TEXT + "\n" + PETER_SIG,
        "\ud800" + TEXT + "\n" + PETER_SIG,
        TEXT + "\n" + "— Bad Name " + PETER_B64,
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        # and ours
        TEXT + "\n" + "- PeterNeumann " + PETER_B64 + "\n",  # a hyphen, not an em dash
        TEXT + "\n" + "— PeterNeumann\n",
        TEXT + "\n" + "— PeterNeumann AAAA\n",  # shorter than a key id and one byte
        TEXT + "\n" + "— PeterNeumann not*base64\n",
        TEXT + "\n" + "— Peter+Neumann " + PETER_B64 + "\n",
        TEXT.replace("\n", "\r\n", 1) + "\n" + PETER_SIG,
    ],
)
def test_malformed_notes_are_refused(message: str) -> None:
    with pytest.raises(MalformedNote):
        open_note(message, [peter()])


def test_a_note_in_bytes_must_be_utf8() -> None:
    assert open_note((TEXT + "\n" + PETER_SIG).encode(), [peter()]).text == TEXT
    with pytest.raises(MalformedNote):
        open_note(b"\xff" + (TEXT + "\n" + PETER_SIG).encode(), [peter()])


# --- checkpoints --------------------------------------------------------------------------------

ROOT = merkle.tree_hash([b"a", b"b", b"c"])
LOG = Signer.from_skey(generate_key("wulian.example/clues")[0])
WITNESS = Signer.from_skey(generate_key("wulian.example/discipline-witness")[0])


def test_a_checkpoint_body_has_the_c2sp_layout() -> None:
    checkpoint = Checkpoint("wulian.example/clues", 3, ROOT)
    body = checkpoint.body()
    assert body.split("\n") == ["wulian.example/clues", "3", merkle_b64(ROOT), ""]
    assert Checkpoint.parse(body) == checkpoint
    extended = Checkpoint("wulian.example/clues", 0, merkle.EMPTY_ROOT, ("extension one", "two"))
    assert Checkpoint.parse(extended.body()) == extended
    assert extended.body().endswith("\nextension one\ntwo\n")


def merkle_b64(value: bytes) -> str:
    import base64

    return base64.b64encode(value).decode()


@pytest.mark.parametrize(
    "body",
    [
        # transparency-dev/formats log/checkpoint_test.go invalid cases
        "Head\n9944\n",
        f"\n9944\n{merkle_b64(ROOT)}\n",
        f"Log\n123\n{merkle_b64(ROOT)}",
        f"Log\nbananas\n{merkle_b64(ROOT)}\n",
        f"Log\n-34\n{merkle_b64(ROOT)}\n",
        f"Log\n3438945738945739845734895735\n{merkle_b64(ROOT)}\n",
        "Log\n123\nThisIsn'tBase64\n",
        # and what C2SP tlog-checkpoint forbids besides
        f"Log\n0123\n{merkle_b64(ROOT)}\n",  # leading zero
        f"Log\n+12\n{merkle_b64(ROOT)}\n",
        f"Log\n1 2\n{merkle_b64(ROOT)}\n",
        "Log\n123\nYmFuYW5hcw==\n",  # not a SHA-256 root
        f"Log\n123\n{merkle_b64(ROOT)}\n\n",  # empty extension line
        f"Log\n123\n{merkle_b64(ROOT)[:-1]}\n",
    ],
)
def test_malformed_checkpoints_are_refused(body: str) -> None:
    with pytest.raises(MalformedNote):
        Checkpoint.parse(body)


def test_a_signed_checkpoint_opens_with_the_log_key_only() -> None:
    note = Checkpoint("wulian.example/clues", 3, ROOT).sign(LOG)
    checkpoint, opened = open_checkpoint(note, LOG.verifier(), origin="wulian.example/clues")
    assert (checkpoint.size, checkpoint.root_hash) == (3, ROOT)
    assert opened.signed_by(LOG.verifier())
    with pytest.raises(UnverifiedNote):
        open_checkpoint(note, WITNESS.verifier())
    with pytest.raises(NoteError, match="expected"):
        open_checkpoint(note, LOG.verifier(), origin="wulian.example/other")
    with pytest.raises(InvalidSignature):
        open_checkpoint(note.replace("\n3\n", "\n4\n"), LOG.verifier())
    with pytest.raises(MalformedNote):
        open_checkpoint(sign_note("not a checkpoint\n", LOG), LOG.verifier())
    # a note the witness alone signed is not a checkpoint of the log
    with pytest.raises(UnverifiedNote):
        open_checkpoint(
            Checkpoint("wulian.example/clues", 3, ROOT).sign(WITNESS), LOG.verifier(), witnesses=[WITNESS.verifier()]
        )


def test_a_witness_cosigns_a_checkpoint_that_extends_the_one_it_signed_before() -> None:
    entries = [bytes([i]) for i in range(10)]
    source = merkle.MemoryNodes.of_entries(entries)
    old = Checkpoint("wulian.example/clues", 4, merkle.tree_hash(entries[:4]))
    new_note = Checkpoint("wulian.example/clues", 10, merkle.tree_hash(entries)).sign(LOG)
    proof = merkle.consistency_proof(source, 4, 10)

    cosigned = cosign(new_note, WITNESS, LOG.verifier(), previous=old, proof=proof)
    _, opened = open_checkpoint(cosigned, LOG.verifier(), witnesses=[WITNESS.verifier()])
    assert opened.signed_by(WITNESS.verifier()) and opened.signed_by(LOG.verifier())
    assert cosign(cosigned, WITNESS, LOG.verifier(), previous=old, proof=proof) == cosigned  # once per key

    with pytest.raises(NoteError, match="not consistent"):
        cosign(new_note, WITNESS, LOG.verifier(), previous=old, proof=proof[1:])
    forked = Checkpoint("wulian.example/clues", 4, merkle.tree_hash([b"x", *entries[1:4]]))
    with pytest.raises(NoteError, match="not consistent"):
        cosign(new_note, WITNESS, LOG.verifier(), previous=forked, proof=proof)
    with pytest.raises(NoteError, match="witness follows"):
        cosign(new_note, WITNESS, LOG.verifier(), previous=Checkpoint("other", 4, old.root_hash), proof=proof)
    with pytest.raises(InvalidSignature):
        cosign(new_note.replace("\n10\n", "\n11\n"), WITNESS, LOG.verifier(), previous=old, proof=proof)
