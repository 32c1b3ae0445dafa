"""AIF: the Argument Interchange Format as JSON (AIFdb, OVA3 xAIF, DialAM), read and written.

``graph`` checks the JSON into a graph, ``dialogue`` reads its locutions,
``read`` maps it to a claims file, ``write`` writes the corpus in AIFdb shape.

May import :mod:`argmap.formats.imported`, ``corpus``, ``diagnostics`` and
``model``; never another format's room.
"""
