"""Near-duplicate detection: copies and light edits found, same-topic articles kept apart."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from newsgraph.store.near_duplicates import (BANDS, NEAR_DUPLICATE_THRESHOLD, NUM_PERM, band_keys,
                                             is_near_duplicate, normalise, shingles, signature,
                                             similarity)

# A fictional wire story (our own text, about 230 words).
ORIGINAL = """Flood Barrier Holds as River Reaches Record Height

MERRIDALE, April 14 (Northwire) - The new flood barrier on the Lune River held overnight as
the water rose to its highest level since records began, sparing more than 3,000 homes in the
lower town, officials said on Wednesday.

The river peaked at 6.2 metres shortly after 2 a.m., nearly half a metre above the previous
record set in 1987. Engineers had closed the last of the barrier's steel gates on Tuesday
evening and kept pumps running through the night to clear water that seeped in behind the
wall.

"This is exactly the night the barrier was built for," said Hana Okafor, who leads the
regional flood agency. "Without it, the whole of the lower town would be under water this
morning."

The barrier, which cost 48 million euros and took four years to build, was finished last
autumn after delays caused by a dispute over compensation for farmland upstream. Critics had
argued that the money should have gone to moving the most exposed houses instead.

About 400 residents of the riverside streets spent the night in a school gym as a
precaution. Most were allowed to return home by mid-morning, although two roads near the old
mill remained closed.

Forecasters expect the river to fall slowly over the next three days, but warned that more
rain is due at the weekend.
"""

# The same story as another site reprints it: re-wrapped, headline in capitals, curly
# quotes, an em dash, a dropped comma and different punctuation in "a.m." and the byline.
REPRINT = "\n\n".join(textwrap.fill(p.replace("\n", " "), 55) for p in ORIGINAL.split("\n\n"))
REPRINT = (REPRINT.replace("Flood Barrier Holds as River Reaches Record Height",
                           "FLOOD BARRIER HOLDS AS RIVER REACHES RECORD HEIGHT")
           .replace('"This is', "\u201cThis is").replace('for," said', "for,\u201d said")
           .replace(" - ", " \u2014 ").replace("(Northwire)", "/Northwire/")
           .replace("2 a.m.,", "2 am").replace("officials said", "Officials Said"))

# A light edit: a new headline and one rewritten sentence.
EDITED = ORIGINAL.replace(
    "Flood Barrier Holds as River Reaches Record Height",
    "Merridale Spared as Lune Hits Highest Level on Record",
).replace(
    "Critics had\nargued that the money should have gone to moving the most exposed houses instead.",
    "Some residents had\nsaid for years that the money would have been better spent on buying out "
    "riverside homes.",
)

# A different article on the same flood, with the same places and people's world.
SAME_TOPIC = """Merridale Farmers Count Cost of Flooding Upstream

Farmers along the upper Lune valley were assessing damage to their fields on Thursday after
the river burst its banks north of Merridale, flooding several hundred hectares of land that
had been sown with wheat only weeks ago.

While the town's new barrier kept the water out of the streets, the land above it was left
to take the overflow, as planners had intended. Several farmers said they had never been told
how often that would happen.

"We knew the fields would flood now and then, but not that it would be the first spring,"
said Tomas Reyes, whose family has farmed near the old mill for three generations. He
estimated his losses at around 60,000 euros.

The regional flood agency said compensation would be paid under the agreement reached last
year, but the farmers' union called the rates too low and asked for a meeting with the
minister. Some fields may not dry out in time for a second sowing, the union warned.

Agency staff were expected to visit the worst-hit farms on Friday to measure the flooded
area. Forecasters said more rain was likely at the weekend, which could delay the clean-up by
another week.
"""


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_texts_are_article_length():
    assert all(200 <= len(t.split()) <= 260 for t in (ORIGINAL, REPRINT, EDITED, SAME_TOPIC))


def test_exact_copy():
    sig = signature(ORIGINAL)
    assert len(sig) == NUM_PERM and all(isinstance(v, int) for v in sig)
    assert signature(ORIGINAL) == sig
    assert similarity(sig, signature(ORIGINAL)) == 1.0
    assert is_near_duplicate(sig, signature(ORIGINAL))


def test_wrapping_case_and_punctuation_do_not_matter():
    assert REPRINT != ORIGINAL and "\u2014" in REPRINT and "FLOOD BARRIER" in REPRINT
    assert normalise(REPRINT) == normalise(ORIGINAL)
    assert shingles(REPRINT) == shingles(ORIGINAL)
    assert similarity(signature(REPRINT), signature(ORIGINAL)) == 1.0


def test_new_headline_and_one_changed_sentence_is_a_near_duplicate():
    assert 0.7 < jaccard(ORIGINAL, EDITED) < 0.95  # really edited, and the estimate tracks it
    estimate = similarity(signature(ORIGINAL), signature(EDITED))
    assert abs(estimate - jaccard(ORIGINAL, EDITED)) < 0.1
    assert is_near_duplicate(signature(ORIGINAL), signature(EDITED))
    assert is_near_duplicate(signature(EDITED), signature(REPRINT))


def test_different_article_on_the_same_topic_is_not():
    estimate = similarity(signature(ORIGINAL), signature(SAME_TOPIC))
    assert estimate < NEAR_DUPLICATE_THRESHOLD / 3
    assert not is_near_duplicate(signature(ORIGINAL), signature(SAME_TOPIC))
    assert not is_near_duplicate(signature(EDITED), signature(SAME_TOPIC))


def test_band_keys_find_near_duplicates_as_candidates():
    keys = band_keys(signature(ORIGINAL))
    assert len(keys) == BANDS == len(set(keys))
    assert [k.split(":")[0] for k in keys] == [str(i) for i in range(BANDS)]
    assert set(keys) & set(band_keys(signature(EDITED)))
    assert set(keys) == set(band_keys(signature(REPRINT)))
    assert not set(keys) & set(band_keys(signature(SAME_TOPIC)))
    # The same rows in two bands hash alike, but the band index keeps the keys apart.
    first, second = band_keys([7] * 8, bands=2)
    assert first.split(":")[1] == second.split(":")[1] and first != second


def test_band_count_must_divide_the_signature():
    with pytest.raises(ValueError, match="cannot be cut into 5 equal bands"):
        band_keys(signature(ORIGINAL), bands=5)


def test_signature_is_the_same_in_other_processes():
    code = ("import json, sys; from newsgraph.store.near_duplicates import band_keys, signature; "
            "sig = signature(sys.stdin.read()); print(json.dumps([sig, band_keys(sig)]))")
    here = [signature(EDITED), band_keys(signature(EDITED))]
    for hash_seed in ("1", "2"):  # Python's own str hash differs between these
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", code], input=EDITED, capture_output=True,
                             text=True, env=env, check=True, timeout=120)
        assert json.loads(out.stdout) == here


def test_short_texts_fall_back_to_fewer_word_shingles():
    assert shingles("Dam opens.") == {"dam opens"}
    assert shingles("Mill fire: roads closed") == {"mill fire roads closed"}
    assert similarity(signature("Mill fire: roads closed"), signature("MILL FIRE - ROADS CLOSED.")) == 1.0
    assert similarity(signature("Mill fire: roads closed"), signature("Mill fire: roads open")) < 0.1
    assert len(shingles("one two three four five six")) == 2


@pytest.mark.parametrize("text", ["", "   \n\t", "-- !!! ?"])
def test_text_without_words_is_refused(text):
    with pytest.raises(ValueError, match="no words"):
        signature(text)


def test_signatures_of_different_sizes_are_not_compared():
    with pytest.raises(ValueError, match="same num_perm"):
        similarity(signature(ORIGINAL), signature(ORIGINAL, num_perm=64))
