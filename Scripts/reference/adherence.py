#!/usr/bin/env python3
"""A reference reader for the report benchmark (Scripts/bench): per-delivery adherence from
journal files, with the hash chain checked, written plainly in Python with its standard library.

For every file: each line is JSON; each line's `prev` must be the SHA-256 of the line before it
("sha256:" and 64 hex digits; none on the first line). Then, per delivery, as the report and the
benchmark's jq program compute it: the latest rating of each item, its level corrected when a
correction names that rating, scores summed over the items that apply, against the scale's top
score times their number. Prints `delivery,score,maximum` per delivery and, on standard error,
how many files broke their chain.

    Scripts/reference/adherence.py FILE...
"""
import hashlib
import json
import sys


def main(paths):
    broken = 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        previous = None
        scale, ratings, corrections, delivery = {}, {}, {}, None
        top = 0
        intact = True
        for raw in data.split(b"\n"):
            if not raw:
                continue
            event = json.loads(raw)
            expected = None if previous is None else "sha256:" + hashlib.sha256(previous).hexdigest()
            if event.get("prev") != expected:
                intact = False
            previous = raw
            kind = event["type"]
            delivery = event["delivery"]
            body = event.get("data") or {}
            if kind == "delivery-opened":
                scale = {level["id"]: level["score"] for level in body["fidelity_scale"]}
                top = max(score for score in scale.values() if score is not None)
            elif kind == "fidelity-rated":
                ratings[body["item"]] = (event["id"], body["level"])
            elif kind == "correction" and body.get("field") == "level":
                corrections[body["refers_to"]] = body["new"]
        if not intact:
            broken += 1
        scores = []
        for event_id, level in ratings.values():
            score = scale.get(corrections.get(event_id, level))
            if score is not None:
                scores.append(score)
        print(f"{delivery},{sum(scores)},{len(scores) * top}")
    print(f"{broken} of {len(paths)} files broke their chain", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
