"""English wire copy grids (issue 9), one test per grid and kind so that a failing kind is
named by the test id.

Session 29, ``wire_s29_grid_en.tsv``: a clause reported after "said" without "that" whose verb the parser read as a modifier of its
object (``clauses._reported_clause_read_as_modifier``), and the actor whose position, camp,
base or vehicle is hit as the target (``EventCoder._place_owner``, syntax.yaml
``owned_places``), and the verb read as a modifier of its object when the object's
possessor stands between them (``clauses._possessed_object``), a group noun with a
possessive coded as the possessor's country's agents (``Arguments._resolve_anaphor``), and
an act ordered or authorised by an authority (``support_verbs_en.tsv``), and the author
of a rejected call or offer named in its "from" phrase (``Arguments._agent_of_noun``);
coordinated actors that agree to act (``patterns_en.tsv`` agree 030 mutual) and no event in
an open "whether" question (``EventCoder._believed``); the one threatened named inside a
threat's content (``EventCoder._threat_content_target``); the other side of a fight that
killed the subject of an agentless passive (``EventCoder._means_agents``).

Session 30, ``wire_s30_grid_en.tsv``: generic armed groups named by their band
("militiamen", data/language/reference.tsv, kb/agents.tsv), retorts and reprisals ("hit back at X", "vowed to retaliate against X", patterns_en.tsv),
the state an envoy is posted to or sent from as the target of a recall or an expulsion
(``EventCoder._posting_target``), and a light verb's noun as the subject of its passive
("sanctions were imposed on X by Y", ``EventCoder.match``), the author of a condemned or
welcomed nominal act as the reaction's target and the claimant of an attack as its author
(``EventCoder._act_author_targets``), a warning, protest or invitation handed to someone
("issued a warning to X", patterns_en.tsv), the coordinated agents of a mutual passive
("a deal was signed by X and Y", ``EventCoder._events``), the first of two coordinated
verbs read as a modifier inside the subject ("Rebels in X attacked/amod positions … and
seized …", ``clauses._first_verb_read_as_modifier``), and a plural pronoun standing for
every conjunct of its coordinated antecedent ("Britain and France said they …",
``Arguments._plural_antecedents``)."""
from __future__ import annotations

from grid_rows import grid_set_tests

S29_KINDS = {"reported clause: said X VERBed/amod Y", "owned place: rebel positions",
             "possessor between: X VERBed/amod Y's N", "possessive group: its soldiers",
             "ordered act: ordered the arrest of X", "from-agent: calls from X",
             "agreed (mutual): X and Y agreed to VERB", "open question: whether X VERBed",
             "threat content: threatened to cut X to Y", "killed in clashes with X", "keep"}
S30_KINDS = {"group noun: militiamen", "retort: hit back at X", "posting: its ambassador to X",
             "passive light verb: sanctions were imposed", "plural pronoun: X and Y said they",
             "act author: condemned the killing of X by Y", "act author: an attack claimed by X",
             "handed over: issued a warning to X", "passive mutual: signed by X and Y",
             "first verb in the subject: X in Y VERBed/amod Z and VERBed", "keep"}
#: session 30, ``campaign_grid_en.tsv``: a fight for a cause with no opponent named ("the rebels
#: have been fighting for an independent homeland") is no event, nor a record of repeated acts ("the
#: rebels have launched deadly attacks") (``EventCoder._fights_for_a_cause``)
CAMPAIGN_KINDS = {"campaign: fighting for a cause", "campaign: fighting to VERB",
                  "campaign: waging a war for a cause", "campaign: have launched attacks", "keep"}
#: grid file -> (label, kinds, minimum rows)
GRIDS = {"wire_s29_grid_en.tsv": ("wire s29 grid en", S29_KINDS, 20),
         "wire_s30_grid_en.tsv": ("wire s30 grid en", S30_KINDS, 20),
         "campaign_grid_en.tsv": ("campaign grid en", CAMPAIGN_KINDS, 12)}


test_wire_grid_shape, test_wire_kind = grid_set_tests(GRIDS, "en")
