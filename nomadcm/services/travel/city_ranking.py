"""How the city search ranks what a query matches, and finds the best few fast among 200,000 places.

Three tiers, best first:
1. exact: the query is a place's name or one of its alternate names ("Mexico", "Pékin", "Bali");
2. prefix: a name or alternate name starts with it ("montr");
3. word: a later word of the name starts with it ("york" -> New York City).

Within the exact tier, the place a traveller most likely means wins. A name match weighs the place's
population, times three for a country's capital or an island/region; an alternate-name match weighs a
hundredth of the population. GeoNames' alternate names are every language's, so a big city's alternate is
often a smaller town's own name (Kita, Sakata, Pueblo are Japanese or Spanish spellings of Quito, Jakarta,
Puebla): the town keeps its name unless the city is a hundred times bigger. So "Mexico" is Mexico City
(12 million) before Mexico in the Philippines (43,000), "Pékin" is Beijing before Pekin, Illinois, and
"Bali" the island before Bāli in India; "London" stays London, England, whose name it is.

Within the other tiers the table's order decides: the generator writes places most important first (by that
same weight), so the rank of a key entry follows its place's number (words last). A one-letter query
matches a tenth of the index; rather than scan it, the search keeps the smallest rank of each block of 16
entries and opens blocks best first, stopping as soon as the next block cannot beat what it holds: the cost
follows the number of results asked, not of matches. The answers to queries of one or two letters, the
costliest, are kept (CityIndex._ranked).
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections.abc import Callable, Sequence

# Match quality, best first (what `CityIndex._ranked` reports for each result).
EXACT_NAME, EXACT_ALT, PREFIX_NAME, PREFIX_ALT, WORD_PREFIX = range(5)

NAME, WORD = -1, -2  # a key entry's "alternate" number when it is the name, or a later word of it
CAPITAL, REGION = "C", "R"  # place kinds; "" is a town
KIND_WEIGHT = {CAPITAL: 3.0, REGION: 3.0}
ALTERNATE_WEIGHT = 0.01  # of the population, with no capital or region boost
BLOCK = 16


def weight(population: int, kind: str, alternate: bool = False) -> float:
    """How likely a place is the one meant when several share a name (the generator orders by it too)."""
    if alternate:
        return max(population, 1) * ALTERNATE_WEIGHT
    return max(population, 1) * KIND_WEIGHT.get(kind, 1.0)


def prefix_end(query: str) -> str:
    """The smallest string greater than every string that starts with `query` (non-empty)."""
    return query[:-1] + chr(ord(query[-1]) + 1)


class KeyRanks:
    """The rank of every key entry and the best rank of each block of entries."""

    def __init__(self, key_places: Sequence[int], key_alts: Sequence[int], places: int) -> None:
        self.places = places
        # Twice the place's number, plus one for an alternate name (a place's name shows before its alternates
        # when both start so: "m" is "Moscow", not "Moscow (Maeskuy)"); words after every name and alternate.
        self.ranks = array(
            "i",
            [
                2 * (p + places) if a == WORD else 2 * p + (a >= 0)
                for p, a in zip(key_places, key_alts, strict=True)
            ],
        )
        r = self.ranks
        self.block_best = [min(r[b : b + BLOCK]) for b in range(0, len(r), BLOCK)]

    def best_in_range(self, lo: int, hi: int, wanted: int, accept: Callable[[int], bool]) -> list[int]:
        """Entries of [lo, hi) in rank order, the first of each place only, until `wanted` are found;
        `accept(entry)` says whether an entry may count (its country, not already found elsewhere)."""
        ranks, block_best, places = self.ranks, self.block_best, self.places
        heap: list[tuple[int, int]] = []  # (rank, entry) or (best rank of a block, -(block + 1))
        first, last = -(-lo // BLOCK), hi // BLOCK  # the blocks that lie wholly inside the range
        if first >= last:
            heap = [(ranks[j], j) for j in range(lo, hi)]
        else:
            heap = [(ranks[j], j) for j in range(lo, first * BLOCK)]
            heap += [(ranks[j], j) for j in range(last * BLOCK, hi)]
            heap += [(block_best[b], -(b + 1)) for b in range(first, last)]
        heapq.heapify(heap)
        found: list[int] = []
        seen: set[int] = set()  # places
        while heap and len(found) < wanted:
            rank, item = heapq.heappop(heap)
            if item < 0:
                start = (-item - 1) * BLOCK
                for j in range(start, start + BLOCK):
                    heapq.heappush(heap, (ranks[j], j))
                continue
            place = (rank - 2 * places if rank >= 2 * places else rank) // 2
            if place not in seen and accept(item):
                seen.add(place)
                found.append(item)
        return found


def key_range(keys: Sequence[str], query: str) -> tuple[int, int, int]:
    """(first entry starting with query, end of the entries equal to it, end of those starting with it)."""
    lo = bisect.bisect_left(keys, query)
    hi = bisect.bisect_left(keys, prefix_end(query), lo)
    equal = bisect.bisect_right(keys, query, lo, hi)
    return lo, equal, hi
