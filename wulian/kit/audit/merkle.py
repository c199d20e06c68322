"""RFC 9162 (RFC 6962) Merkle tree hashing and proofs, pure and standard library only.

A log's tree is never held in memory: proofs are planned as lists of *complete* subtrees (a node
``(level, index)`` covers leaves ``[index·2^level, (index+1)·2^level)``), whose hashes a
:class:`NodeSource` hands over in one batch — from a list in memory, or from the ``audit_node`` rows
of a service's database, where every complete subtree is stored once, when it becomes complete. So a
proof reads O(log n) hashes and never rehashes the log.

Verification follows RFC 9162 §2.1.3.2 and §2.1.4.2 step by step, so that a reader can hold the two
side by side; generation follows the recursive definitions of RFC 6962 §2.1.1 and §2.1.2.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
"""MTH({}) — the hash of the empty string (RFC 6962 §2.1)."""

Node = tuple[int, int]
"""A complete subtree: ``(level, index)``; level 0 is the leaves."""


class ProofError(ValueError):
    """A proof does not verify, or was asked for with impossible sizes."""


def leaf_hash(data: bytes) -> bytes:
    """SHA-256(0x00 || data): the prefix keeps a leaf from ever passing for an inner node."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than ``n`` (n ≥ 2): where MTH splits a tree of n leaves."""
    if n < 2:
        raise ValueError(f"a tree of {n} leaves does not split")
    return 1 << ((n - 1).bit_length() - 1)


def covering_nodes(begin: int, end: int) -> list[Node]:
    """The complete subtrees that make up ``[begin, end)``, left to right, largest first.

    Only for ranges that occur as subtrees of an RFC 6962 tree (``begin`` is 0 or a multiple of the
    smallest power of two ≥ ``end - begin``): their hash is then the right fold of these nodes.
    """
    size = end - begin
    if size <= 0:
        raise ValueError(f"empty range [{begin}, {end})")
    if begin % (1 << (size - 1).bit_length()):
        raise ValueError(f"[{begin}, {end}) is not a subtree of any RFC 6962 tree")
    nodes: list[Node] = []
    position = begin
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            nodes.append((level, position >> level))
            position += 1 << level
    return nodes


def fold(hashes: Sequence[bytes]) -> bytes:
    """The hash of a subtree from its covering nodes' hashes: H(h0, H(h1, … H(hk-1, hk)))."""
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def root_from_leaf_hashes(hashes: Sequence[bytes]) -> bytes:
    """MTH of a list of leaf hashes, level by level (an odd last node moves up unchanged, as in MTH)."""
    if not hashes:
        return EMPTY_ROOT
    level = list(hashes)
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def tree_hash(entries: Iterable[bytes]) -> bytes:
    """MTH(D[n]) of raw entries (RFC 6962 §2.1)."""
    return root_from_leaf_hashes([leaf_hash(entry) for entry in entries])


# --- where hashes come from -------------------------------------------------------------------


class NodeSource(Protocol):
    """Hashes of complete subtrees, asked for in one batch so that a database answers in one round trip."""

    def node_hashes(self, nodes: Sequence[Node]) -> Sequence[bytes]:
        """The hash of every node, in order; level 0 nodes are leaf hashes. Raises KeyError if one is unknown."""
        ...


class MemoryNodes:
    """A :class:`NodeSource` over leaf hashes in memory; complete subtrees are computed once and kept."""

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        self._levels: list[list[bytes]] = [list(leaf_hashes)]
        while len(self._levels[-1]) > 1:
            below = self._levels[-1]
            self._levels.append([node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)])

    @classmethod
    def of_entries(cls, entries: Iterable[bytes]) -> MemoryNodes:
        """The tree of raw entries (their leaf hashes computed here)."""
        return cls([leaf_hash(entry) for entry in entries])

    @property
    def size(self) -> int:
        return len(self._levels[0])

    def node_hashes(self, nodes: Sequence[Node]) -> list[bytes]:
        try:
            return [self._levels[level][index] for level, index in nodes]
        except IndexError as missing:
            raise KeyError(f"no complete subtree among {list(nodes)}") from missing


# --- planning proofs: which subtrees, then one batch of hashes ---------------------------------


def inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The subtrees whose hashes form PATH(index, D[size]) (RFC 6962 §2.1.1), leaf upward."""
    if not 0 <= index < size:
        raise ProofError(f"no entry {index} in a tree of {size}")
    ranges: list[tuple[int, int]] = []
    begin, end = 0, size
    while end - begin > 1:
        middle = begin + split_point(end - begin)
        if index < middle:
            ranges.append((middle, end))
            end = middle
        else:
            ranges.append((begin, middle))
            begin = middle
    ranges.reverse()
    return ranges


def consistency_ranges(old: int, new: int) -> list[tuple[int, int]]:
    """The subtrees whose hashes form PROOF(old, D[new]) (RFC 6962 §2.1.2), bottom up."""
    if not 0 <= old <= new:
        raise ProofError(f"no consistency proof from {old} to {new}")
    if old in (0, new):
        return []
    ranges: list[tuple[int, int]] = []
    begin, end, whole = 0, new, True
    while old - begin != end - begin:
        middle = begin + split_point(end - begin)
        if old <= middle:
            ranges.append((middle, end))
            end = middle
        else:
            ranges.append((begin, middle))
            begin, whole = middle, False
    if not whole:
        ranges.append((begin, end))
    ranges.reverse()
    return ranges


def range_hashes(source: NodeSource, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
    """The hash of every range, reading all the complete subtrees they need in one batch."""
    plans = [covering_nodes(begin, end) for begin, end in ranges]
    wanted = sorted({node for plan in plans for node in plan})
    known = dict(zip(wanted, source.node_hashes(wanted), strict=True))
    return [fold([known[node] for node in plan]) for plan in plans]


def subtree_hash(source: NodeSource, begin: int, end: int) -> bytes:
    """MTH(D[begin:end]) for a range that is a subtree (see :func:`covering_nodes`)."""
    return range_hashes(source, [(begin, end)])[0]


def root(source: NodeSource, size: int) -> bytes:
    """MTH of the first ``size`` leaves."""
    return EMPTY_ROOT if size == 0 else subtree_hash(source, 0, size)


def inclusion_proof(source: NodeSource, index: int, size: int) -> list[bytes]:
    """PATH(index, D[size]): the audit path of entry ``index`` in the tree of the first ``size`` leaves."""
    return range_hashes(source, inclusion_ranges(index, size))


def consistency_proof(source: NodeSource, old: int, new: int) -> list[bytes]:
    """PROOF(old, D[new]); empty when old is 0 or equals new."""
    return range_hashes(source, consistency_ranges(old, new))


# --- verification (RFC 9162 §2.1.3.2 and §2.1.4.2) --------------------------------------------


def _check_hashes(*hashes: bytes) -> None:
    for value in hashes:
        if len(value) != HASH_SIZE:
            raise ProofError(f"a hash of {len(value)} bytes, not {HASH_SIZE}")


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that ``proof`` leads to from leaf hash ``leaf`` at ``index`` (RFC 9162 §2.1.3.2 steps 1–4)."""
    if not 0 <= index < size:
        raise ProofError(f"no entry {index} in a tree of {size}")
    _check_hashes(leaf, *proof)
    fn, sn, result = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ProofError("the inclusion proof is too long")
        if fn & 1 or fn == sn:
            result = node_hash(p, result)
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = node_hash(result, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the inclusion proof is too short")
    return result


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root_hash: bytes) -> None:
    """Raise :class:`ProofError` unless ``proof`` shows leaf hash ``leaf`` at ``index`` under ``root_hash``."""
    _check_hashes(root_hash)
    if root_from_inclusion_proof(index, size, leaf, proof) != root_hash:
        raise ProofError(f"entry {index} is not in the tree of size {size} with that root")


def verify_consistency(old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> None:
    """Raise :class:`ProofError` unless ``proof`` shows the tree ``new_root`` extends ``old_root``.

    RFC 9162 leaves two edges open; as transparency-dev/merkle does, equal sizes need an empty proof and
    equal roots, and the empty tree (old = 0) is consistent with every tree, with an empty proof.
    """
    if not 0 <= old <= new:
        raise ProofError(f"no consistency from size {old} to size {new}")
    if old == new:
        _check_hashes(old_root, new_root)
        if proof or old_root != new_root:
            raise ProofError(f"trees of equal size {old} must have equal roots and an empty proof")
        return
    if old == 0:
        if proof:
            raise ProofError("the consistency proof from the empty tree must be empty")
        return
    if not proof:
        raise ProofError("empty consistency proof")
    _check_hashes(old_root, new_root, *proof)
    path = list(proof)
    if old & (old - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is too long")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or fr != old_root or sr != new_root:
        raise ProofError(f"the tree of size {new} does not extend the tree of size {old}")


# --- growing a tree at its right edge -----------------------------------------------------------


@dataclass
class CompactRange:
    """The right edge of a tree: the hashes of the complete subtrees covering ``[0, size)``.

    Appending a leaf merges equal-level subtrees from the right, which yields every subtree that has
    just become complete — exactly the rows a log stores — and the root at any size in O(log n).
    """

    size: int = 0
    edge: list[tuple[int, bytes]] = field(default_factory=list)

    @classmethod
    def of(cls, size: int, edge_hashes: Sequence[bytes]) -> CompactRange:
        """The range for ``size`` leaves from the hashes of ``covering_nodes(0, size)``, in order."""
        levels = [level for level, _ in covering_nodes(0, size)] if size else []
        if len(levels) != len(edge_hashes):
            raise ValueError(f"a tree of {size} has {len(levels)} edge nodes, not {len(edge_hashes)}")
        return cls(size, list(zip(levels, edge_hashes, strict=True)))

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add one leaf hash; return the subtrees (level ≥ 1, index, hash) it completed, lowest first."""
        position = self.size
        self.size += 1
        edge = self.edge
        edge.append((0, leaf))
        completed: list[tuple[int, int, bytes]] = []
        while len(edge) > 1 and edge[-1][0] == edge[-2][0]:
            level, right = edge.pop()
            _, left = edge.pop()
            parent = node_hash(left, right)
            edge.append((level + 1, parent))
            completed.append((level + 1, position >> (level + 1), parent))
        return completed

    def extend(self, leaves: Iterable[bytes]) -> list[tuple[int, int, bytes]]:
        """Add leaf hashes in order; return every subtree they completed."""
        completed: list[tuple[int, int, bytes]] = []
        for leaf in leaves:
            completed.extend(self.append(leaf))
        return completed

    def root(self) -> bytes:
        """MTH of the ``size`` leaves so far."""
        return fold([value for _, value in self.edge]) if self.edge else EMPTY_ROOT
