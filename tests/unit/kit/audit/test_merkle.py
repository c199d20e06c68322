"""RFC 9162 hashing and proofs: published vectors, corrupted proofs, and an independent naive
implementation written straight from the RFC's recursive definitions."""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from wulian.kit.audit import merkle

# --- vectors ----------------------------------------------------------------------------------
# From transparency-dev/merkle: testonly/constants.go (LeafInputs, NodeHashes, RootHashes,
# CompactTrees), proof/verify_test.go (inclusionProofs, consistencyProofs; leaf indexes there are
# 1-based), rfc6962/rfc6962_test.go (hasher), testdata/{inclusion,consistency}/*/happy-path.json,
# and testonly/vectors_test.go (the accumulated subtree hash vector of the "Subtree Test Vectors"
# appendix of draft-ietf-plants-merkle-tree-certs).

LEAF_INPUTS = [bytes.fromhex(h) for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                          "606162636465666768696a6b6c6d6e6f"]]  # fmt: skip

NODE_HASHES = [
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ],
    [
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    ],
    [
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
]

ROOT_HASHES = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]

# CompactTrees(): the right edge of every tree of LeafInputs, as (level, index) into NODE_HASHES.
COMPACT_TREES = [[], [(0, 0)], [(1, 0)], [(1, 0), (0, 2)], [(2, 0)], [(2, 0), (0, 4)], [(2, 0), (1, 2)],
                 [(2, 0), (1, 2), (0, 6)], [(3, 0)]]  # fmt: skip

# (0-based leaf index, tree size, proof)
INCLUSION_PROOFS = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (0, 1, []),
]  # fmt: skip

CONSISTENCY_PROOFS = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]  # fmt: skip

# testdata/inclusion/4/happy-path.json and testdata/consistency/1/happy-path.json (base64 as published)
INCLUSION_JSON = {
    "leafIdx": 1,
    "treeSize": 5,
    "root": "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
    "leafHash": "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
    "proof": [
        "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
        "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
        "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
    ],
}
CONSISTENCY_JSON = {
    "size1": 1,
    "size2": 8,
    "root1": "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
    "root2": "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
    "proof": [
        "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
        "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
        "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
    ],
}

SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")
EMPTY = bytes.fromhex(ROOT_HASHES[0])


def h(hexes: list[str]) -> list[bytes]:
    return [bytes.fromhex(x) for x in hexes]


def b64(values: list[str]) -> list[bytes]:
    return [base64.b64decode(v) for v in values]


# --- an independent naive implementation, straight from RFC 6962 §2.1 ----------------------------


def naive_leaf(data: bytes) -> bytes:
    return hashlib.sha256(bytes([0]) + data).digest()


def naive_split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def naive_mth(d: list[bytes]) -> bytes:
    if not d:
        return hashlib.sha256().digest()
    if len(d) == 1:
        return naive_leaf(d[0])
    k = naive_split(len(d))
    return hashlib.sha256(bytes([1]) + naive_mth(d[:k]) + naive_mth(d[k:])).digest()


def naive_path(m: int, d: list[bytes]) -> list[bytes]:
    if len(d) == 1:
        return []
    k = naive_split(len(d))
    if m < k:
        return [*naive_path(m, d[:k]), naive_mth(d[k:])]
    return [*naive_path(m - k, d[k:]), naive_mth(d[:k])]


def naive_subproof(m: int, d: list[bytes], whole: bool) -> list[bytes]:
    n = len(d)
    if m == n:
        return [] if whole else [naive_mth(d)]
    k = naive_split(n)
    if m <= k:
        return [*naive_subproof(m, d[:k], whole), naive_mth(d[k:])]
    return [*naive_subproof(m - k, d[k:], False), naive_mth(d[:k])]


def naive_proof(m: int, d: list[bytes]) -> list[bytes]:
    return naive_subproof(m, d, True) if 0 < m < len(d) else []


# --- hashing ------------------------------------------------------------------------------------


def test_hashes_match_the_rfc6962_hasher_vectors() -> None:
    assert merkle.EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert merkle.leaf_hash(b"").hex() == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
    assert merkle.leaf_hash(b"L123456").hex() == "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"
    node = merkle.node_hash(b"N123", b"N456")
    assert node.hex() == "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"


def test_roots_of_every_prefix_match_the_reference() -> None:
    for size, expected in enumerate(ROOT_HASHES):
        assert merkle.tree_hash(LEAF_INPUTS[:size]).hex() == expected
        assert merkle.root(merkle.MemoryNodes.of_entries(LEAF_INPUTS[:size]), size).hex() == expected


def test_every_complete_subtree_matches_the_reference() -> None:
    source = merkle.MemoryNodes.of_entries(LEAF_INPUTS)
    for level, hashes in enumerate(NODE_HASHES):
        assert [v.hex() for v in source.node_hashes([(level, i) for i in range(len(hashes))])] == hashes


def test_the_right_edge_of_every_tree_matches_the_reference_compact_trees() -> None:
    tree = merkle.CompactRange()
    for size, nodes in enumerate(COMPACT_TREES):
        assert [value.hex() for _, value in tree.edge] == [NODE_HASHES[lv][ix] for lv, ix in nodes]
        assert tree.root().hex() == ROOT_HASHES[size]
        if size < len(LEAF_INPUTS):
            tree.append(merkle.leaf_hash(LEAF_INPUTS[size]))


def test_subtree_hashes_match_the_accumulated_draft_vector() -> None:
    # transparency-dev/merkle testonly/vectors_test.go TestSubtreeHashVectors: leaves d[i] = byte(i),
    # every valid subtree [start, end) with end ≤ 130, folded into one SHA-256 of "[start, end) hex\n" lines.
    source = merkle.MemoryNodes.of_entries([bytes([i]) for i in range(130)])
    rolling = hashlib.sha256()
    for end in range(1, 131):
        for start in range(end):
            if start and start % (1 << (end - start - 1).bit_length()):
                continue
            rolling.update(f"[{start}, {end}) {merkle.subtree_hash(source, start, end).hex()}\n".encode())
    assert rolling.hexdigest() == "94a95384a8c69acea9b50d035a58285b3a777cb7a724005faa5e1f1e1190007f"


def test_a_range_that_is_no_subtree_is_refused() -> None:
    with pytest.raises(ValueError):
        merkle.covering_nodes(1, 4)
    with pytest.raises(ValueError):
        merkle.covering_nodes(3, 3)


# --- inclusion ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION_PROOFS)
def test_inclusion_proofs_match_the_reference(index: int, size: int, proof: list[str]) -> None:
    source = merkle.MemoryNodes.of_entries(LEAF_INPUTS)
    assert [p.hex() for p in merkle.inclusion_proof(source, index, size)] == proof
    leaf = merkle.leaf_hash(LEAF_INPUTS[index])
    merkle.verify_inclusion(index, size, leaf, h(proof), bytes.fromhex(ROOT_HASHES[size]))


@pytest.mark.parametrize(("index", "size", "proof"), [p for p in INCLUSION_PROOFS if p[2]])
def test_corrupted_inclusion_proofs_fail(index: int, size: int, proof: list[str]) -> None:
    # The probes of transparency-dev/merkle proof/verify_test.go corruptInclusionProof.
    good, root, leaf = h(proof), bytes.fromhex(ROOT_HASHES[size]), merkle.leaf_hash(LEAF_INPUTS[index])
    probes = [
        (index - 1, size, root, leaf, good),
        (index + 1, size, root, leaf, good),
        (index ^ 2, size, root, leaf, good),
        (index, size * 2, root, leaf, good),
        (index, size // 2, root, leaf, good),
        (index, size, root, b"WrongLeaf", good),
        (index, size, EMPTY, leaf, good),
        (index, size, SOME_HASH, leaf, good),
        (index, size, root, leaf, [*good, b""]),
        (index, size, root, leaf, [*good, root]),
        (index, size, root, leaf, [b"", *good]),
        (index, size, root, leaf, [root, *good]),
        (index, size, root, leaf, good[:-1]),
    ]
    for i in range(len(good)):
        flipped = list(good)
        flipped[i] = bytes([flipped[i][0] ^ 8]) + flipped[i][1:]
        probes.append((index, size, root, leaf, flipped))
    if len(good) > 1:
        probes.append((index, size, root, leaf, [good[0], SOME_HASH, *good[1:]]))
    for probe_index, probe_size, probe_root, probe_leaf, probe_proof in probes:
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(probe_index, probe_size, probe_leaf, probe_proof, probe_root)


def test_inclusion_json_vector_verifies() -> None:
    v = INCLUSION_JSON
    merkle.verify_inclusion(
        int(v["leafIdx"]),  # type: ignore[call-overload]
        int(v["treeSize"]),  # type: ignore[call-overload]
        base64.b64decode(str(v["leafHash"])),
        b64(v["proof"]),  # type: ignore[arg-type]
        base64.b64decode(str(v["root"])),
    )


def test_inclusion_in_a_single_entry_tree_and_impossible_indexes() -> None:
    leaf = merkle.leaf_hash(b"data")
    merkle.verify_inclusion(0, 1, leaf, [], leaf)
    for index, size, probe_leaf, root in [(0, 1, leaf, b""), (0, 1, b"", leaf), (0, 1, b"", b"")]:
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(index, size, probe_leaf, [], root)
    for index, size in [(0, 0), (1, 0), (2, 1)]:
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(index, size, SOME_HASH, [], EMPTY)
        with pytest.raises(merkle.ProofError):
            merkle.inclusion_ranges(index, size)


# --- consistency --------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY_PROOFS)
def test_consistency_proofs_match_the_reference(old: int, new: int, proof: list[str]) -> None:
    source = merkle.MemoryNodes.of_entries(LEAF_INPUTS)
    assert [p.hex() for p in merkle.consistency_proof(source, old, new)] == proof
    merkle.verify_consistency(old, new, bytes.fromhex(ROOT_HASHES[old]), bytes.fromhex(ROOT_HASHES[new]), h(proof))


@pytest.mark.parametrize(("old", "new", "proof"), [p for p in CONSISTENCY_PROOFS if p[2]])
def test_corrupted_consistency_proofs_fail(old: int, new: int, proof: list[str]) -> None:
    # The probes of transparency-dev/merkle proof/verify_test.go corruptConsistencyProof.
    good, r1, r2 = h(proof), bytes.fromhex(ROOT_HASHES[old]), bytes.fromhex(ROOT_HASHES[new])
    probes = [
        (old - 1, new, r1, r2, good),
        (old + 1, new, r1, r2, good),
        (old ^ 2, new, r1, r2, good),
        (old, new * 2, r1, r2, good),
        (old, new // 2, r1, r2, good),
        (old, new, b"WrongRoot", r2, good),
        (old, new, r1, b"WrongRoot", good),
        (old, new, r2, r1, good),
        (old, new, r1, r2, []),
        (old, new, r1, r2, [*good, b""]),
        (old, new, r1, r2, [*good, r1]),
        (old, new, r1, r2, [*good, r2]),
        (old, new, r1, r2, [b"", *good]),
        (old, new, r1, r2, [r1, *good]),
        (old, new, r1, r2, [r2, *good]),
        (old, new, r1, r2, [good[0], *good]),
        (old, new, r1, r2, good[:-1]),
    ]
    for i in range(len(good)):
        flipped = list(good)
        flipped[i] = bytes([flipped[i][0] ^ 16]) + flipped[i][1:]
        probes.append((old, new, r1, r2, flipped))
    for probe_old, probe_new, probe_r1, probe_r2, probe_proof in probes:
        with pytest.raises(merkle.ProofError):
            merkle.verify_consistency(probe_old, probe_new, probe_r1, probe_r2, probe_proof)


def test_consistency_json_vector_verifies() -> None:
    v = CONSISTENCY_JSON
    merkle.verify_consistency(
        int(v["size1"]),  # type: ignore[call-overload]
        int(v["size2"]),  # type: ignore[call-overload]
        base64.b64decode(str(v["root1"])),
        base64.b64decode(str(v["root2"])),
        b64(v["proof"]),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("old", "new", "root1", "root2", "proof", "valid"),
    [
        # transparency-dev/merkle proof/verify_test.go TestVerifyConsistency
        (0, 0, b"don't care 1", b"don't care 2", [], False),
        (1, 1, b"don't care 1", b"don't care 2", [], False),
        (0, 0, EMPTY, EMPTY, [], True),
        (0, 1, b"don't care 1", b"don't care 2", [], True),
        (1, 1, SOME_HASH, SOME_HASH, [], True),
        (1, 0, b"don't care 1", b"don't care 2", [], False),
        (2, 1, b"don't care 1", b"don't care 2", [], False),
        (1, 2, b"don't care 1", b"don't care 2", [], False),
        (0, 0, EMPTY, SOME_HASH, [], False),
        (1, 1, EMPTY, SOME_HASH, [], False),
        (0, 0, EMPTY, EMPTY, [EMPTY], False),
        (0, 1, EMPTY, EMPTY, [EMPTY], False),
        (1, 1, EMPTY, EMPTY, [EMPTY], False),
    ],
)
def test_consistency_edges(old: int, new: int, root1: bytes, root2: bytes, proof: list[bytes], valid: bool) -> None:
    if valid:
        merkle.verify_consistency(old, new, root1, root2, proof)
    else:
        with pytest.raises(merkle.ProofError):
            merkle.verify_consistency(old, new, root1, root2, proof)


# --- against the naive implementation -----------------------------------------------------------


def entries_of(size: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(rng.randrange(0, 40)) for _ in range(size)]


SMALL = range(1, 65)
LARGER = [*sorted(random.Random(9162).sample(range(65, 300), 24)), 300]


@pytest.mark.parametrize("size", [*SMALL, *LARGER])
def test_roots_and_inclusion_proofs_equal_the_naive_ones_for_every_index(size: int) -> None:
    entries = entries_of(size, size)
    source = merkle.MemoryNodes.of_entries(entries)
    root = naive_mth(entries)
    assert merkle.tree_hash(entries) == root
    assert merkle.root(source, size) == root
    for index in range(size):
        proof = merkle.inclusion_proof(source, index, size)
        assert proof == naive_path(index, entries)
        merkle.verify_inclusion(index, size, naive_leaf(entries[index]), proof, root)


def test_consistency_proofs_equal_the_naive_ones_for_every_pair_of_small_sizes() -> None:
    entries = entries_of(64, 1)
    source = merkle.MemoryNodes.of_entries(entries)
    roots = [naive_mth(entries[:n]) for n in range(65)]
    for new in range(65):
        for old in range(new + 1):
            proof = merkle.consistency_proof(source, old, new)
            assert proof == naive_proof(old, entries[:new]), (old, new)
            merkle.verify_consistency(old, new, roots[old], roots[new], proof)
            if old and old < new:
                with pytest.raises(merkle.ProofError):
                    merkle.verify_consistency(old, new, roots[old - 1], roots[new], proof)


@pytest.mark.parametrize("new", LARGER)
def test_consistency_proofs_equal_the_naive_ones_on_larger_trees(new: int) -> None:
    entries = entries_of(new, new)
    source = merkle.MemoryNodes.of_entries(entries)
    rng = random.Random(new)
    for old in sorted({1, new - 1, new, *rng.sample(range(1, new), 20)}):
        proof = merkle.consistency_proof(source, old, new)
        assert proof == naive_proof(old, entries)
        merkle.verify_consistency(old, new, naive_mth(entries[:old]), naive_mth(entries), proof)


def test_growing_at_the_right_edge_yields_every_complete_subtree_once() -> None:
    entries = entries_of(300, 7)
    source = merkle.MemoryNodes.of_entries(entries)
    tree = merkle.CompactRange()
    seen: list[tuple[int, int, bytes]] = []
    for size, entry in enumerate(entries, start=1):
        seen += tree.append(merkle.leaf_hash(entry))
        assert tree.root() == naive_mth(entries[:size])
    assert len({(level, index) for level, index, _ in seen}) == len(seen)
    for level, index, value in seen:
        assert source.node_hashes([(level, index)]) == [value]
    expected = sum(300 >> level for level in range(1, 9))
    assert len(seen) == expected
    resumed = merkle.CompactRange.of(300, source.node_hashes(merkle.covering_nodes(0, 300)))
    assert resumed.root() == tree.root()
