"""Evaluation: which claims stand, as abstract argumentation semantics and gradual strength.

The stage sits between the corpus and the checks: it turns the fact table's claims and
links into an argumentation framework (:mod:`.bipolar`, :mod:`.from_table`), labels it
(:mod:`.grounded`, :mod:`.search`, :mod:`.clingo_backend`, :mod:`.dfquad`), and says
why each label holds (:mod:`.why`). It never prints and never reads files, except
:mod:`.iccma`, which parses framework text it is handed.
"""
