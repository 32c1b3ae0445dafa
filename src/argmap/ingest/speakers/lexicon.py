"""The word lists attribution rests on: reporting verbs, speaker nouns, roles, governments.

Plain data, no logic. Every list is lowercase; a word's kind (person, group,
organization, government) is decided by the table it sits in. Add a word here,
not a special case in the rules.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPORTING_VERBS = _words(
    "said says say stated argued argues argue warned warns warn concluded concludes "
    "conclude predicted predicts predict recommended recommends recommend characterised "
    "characterized characterises characterizes characterise characterize called calls noted "
    "notes note estimated estimates estimate found finds cautioned cautions caution wrote "
    "writes write claimed claims claim suggested suggests suggest emphasised emphasized "
    "emphasises emphasizes emphasise emphasize insisted insists insist maintained maintains "
    "maintain asserted asserts acknowledged acknowledges acknowledge admitted admits added "
    "adds believed believes believe considered considers feared fears fear observed observes "
    "observe confirmed confirms confirm described describes describe declared declares "
    "announced announces told highlighted highlights agreed agrees agree reiterated "
    "reiterates dismissed dismisses criticised criticized criticises criticizes contended "
    "contends expressed worried worries reported explained explains accused accuses denied "
    "denies rejected rejects stressed stresses urged urges proposed proposes demanded "
    "demands recognised recognized outlined outlines outline thinks thought expects expected "
    "alleged alleges concedes conceded saw held ruled referred disclaims showed show shows "
    "signalled signaled signals threatened threatens disagreed disagrees questioned questions "
    "doubted doubts"
)
"""Verbs that report speech or a stated view: the subject before one is a speaker."""

PROGRESSIVE_VERBS = _words("saying insisting accusing arguing warning claiming demanding")
"""-ing forms that report speech after a form of *be* ("SDF figures were insisting")."""

OBJECT_VERBS = _words(
    "claimed claims found expressed called considered described saw held referred ruled showed "
    "show shows"
)
"""Reporting verbs that also take a plain object; they report only when their object
is a clause, a quotation or a named stance (see :data:`STANCE_OBJECTS`)."""

STANCE_OBJECTS = _words(
    "that concern concerns solidarity support opposition doubts doubt hope fears the a an "
    "it him her them this these those for on to its their his her attacks responsibility “ \" ‘ ' :"
)
"""Words after an object verb that make it a report ("expressed concern", "called for")."""

DOCUMENT_NOUNS = _words(
    "report letter statement study analysis assessment review paper memo memorandum "
    "communique communiqué findings recommendations judgment judgement ruling opinion "
    "testimony submission survey proposal plan position"
)
"""What a speaker issues: "the committee's report concluded" is the committee speaking."""

PERSON_NOUNS = _words(
    "participant official officer representative analyst scholar expert source critic "
    "observer diplomat spokesperson spokesman spokeswoman minister president judge justice "
    "senator ambassador envoy commander general adviser advisor secretary chancellor author "
    "researcher economist lawyer activist member leader chair chairman chairwoman director "
    "negotiator notable figure witness journalist commentator fellow professor premier "
    "governor mayor prosecutor"
)
"""Singular nouns naming one person: "an HTS official", "the source"."""

GROUP_NOUNS = _words(
    "participants officials officers representatives analysts scholars experts sources "
    "critics observers diplomats ministers members leaders activists economists lawyers "
    "researchers commentators figures voices respondents proponents opponents supporters "
    "states companies businesses firms allies investors executives insiders delegates "
    "negotiators lawmakers legislators policymakers campaigners commentaries reports"
)
"""Plural nouns naming a group: "some European officials", "analysts"."""

ORGANIZATION_NOUNS = _words(
    "committee court institute institution council commission agency bank organisation "
    "organization company tribunal panel tank board union fund centre center network "
    "association foundation party observatory alliance coalition forces "
    "university newspaper"
)
"""Nouns naming a body that is not a government: "the committee", "the Institute"."""

GOVERNMENT_NOUNS = _words(
    "government governments ministry department administration kremlin cabinet "
    "presidency authorities intelligence treasury office regime parliament congress "
    "senate pentagon whitehall"
)
"""Nouns naming a government or part of one: "the Ministry of Defence", "British intelligence"."""

METONYMS = _words(
    "moscow beijing washington london paris berlin tehran kyiv kiev ankara damascus "
    "islamabad delhi tokyo pyongyang seoul riyadh jerusalem cairo canberra ottawa warsaw "
    "rome madrid minsk taipei caracas havana kabul baghdad brussels kremlin"
)
"""Capitals (and seats) that stand for their governments as subjects: "Moscow characterises"."""

COUNTRIES = _words(
    "us usa uk eu britain america china russia india pakistan iran iraq israel syria turkey "
    "ukraine france germany italy spain poland japan korea taiwan egypt qatar afghanistan "
    "belarus lithuania latvia estonia finland sweden norway denmark netherlands belgium "
    "canada australia brazil mexico venezuela cuba saudi jordan lebanon georgia armenia "
    "azerbaijan kazakhstan hungary romania greece serbia croatia"
)
"""Countries that, as the subject of a reporting verb, are their governments."""

ROLE_WORDS = _words(
    "advisor adviser minister secretary president ambassador director spokesperson spokesman "
    "spokeswoman chancellor envoy judge justice senator general chief commissioner governor "
    "chair chairman chairwoman officer representative premier leader head editor mayor "
    "attorney-general ceo founder analyst commander prosecutor fellow professor king queen "
    "prince emir sheikh"
)
"""Title words: the words up to the last of them before a name are the name's role."""

HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. lord lady sir dame prof prof.")
"""Honorifics kept with a name ("Lord Leggatt") and skipped when matching a surname."""

DETERMINERS = _words(
    "the a an one some several many few most all another other both each two three four "
    "five six seven eight nine ten twelve its their his her"
)
"""Words that open a noun phrase; left out when mentions are compared."""

PRONOUNS = _words("he she they")
"""Subjects that refer back to the last speaker named in the paragraph."""

AUTHOR_PRONOUNS = _words("we i")
"""Subjects that are the author."""

CLAUSE_WORDS = _words(
    "that which who whom whose while whereas but or as if when because although though "
    "since so however meanwhile where after before until unless whether than nor yet not"
)
"""Words that end a subject noun phrase when met walking back from the verb."""

SKIP_BEFORE_VERB = _words(
    "has have had also further consistently repeatedly publicly recently then would will "
    "could may might can did do does not never already later once still often reportedly "
    "indeed too themselves itself himself herself even"
)
"""Auxiliaries and adverbs between a subject and its verb."""

BE_FORMS = _words("is are was were be been being")
"""A form of *be* before a past participle makes it passive: no speaker ("was said")."""

PREPOSITIONS = _words("from in at within of for with across on inside among")
"""Words that open a post-modifier of a speaker noun: "a participant from Lithuania"."""

MODIFIERS = _words(
    "private public sector company insurance policy industry industrial government member "
    "state national european western senior junior local foreign maritime legal financial "
    "corporate larger large smaller small major other several many some few military "
    "intelligence security defence defense law enforcement agency business civil society "
    "academic independent former current anonymous unnamed individual regional "
    "international domestic diplomatic political think official committee research interim "
    "dissenting opposing senior-level high-level top"
)
"""Lowercase words that may stand before a speaker noun ("private sector participants")."""

PHRASE_VERBS = (("made", "it", "clear"), ("made", "clear"), ("pointed", "out"))
"""Reporting verbs of several words."""
