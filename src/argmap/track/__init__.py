"""Claim tracking: one claim across documents, speakers and time.

`same-as` classes become tracked claims with dated appearances, a status
history and flags (:mod:`argmap.track.appearances`); `--suggest` proposes
restatements not yet recorded (:mod:`argmap.track.suggest`); tracked claims
as ClaimReview (:mod:`argmap.track.claimreview`). Sits above formats and
edit and below render; nothing here prints.
"""
