"""The event coder's language data: label roles, modality cues, verb forms (data files)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

from ..datafiles import data_path, iter_tsv, lang_words, load_yaml
from .patterns import PatternIndex, load_patterns, separable_prefixes

MODAL_KINDS = ("threatened", "promised", "demanded", "proposed", "predicted")


def _fs(values: Optional[Iterable[str]]) -> FrozenSet[str]:
    return frozenset(str(v).split("_")[0].lower() for v in (values or []))


@dataclass
class Lexicon:
    lang: str
    roles: Dict[str, str]  # dep label → role
    contractions: Dict[str, str]
    agent_preps: FrozenSet[str]
    location_preps: FrozenSet[str]
    # German: prepositions of a time/circumstance phrase whose noun keeps a von-phrase after it
    circumstance_preps: FrozenSet[str]
    # German verbs whose perfect takes "sein" (syntax.yaml sein_perfect_verbs): with "sein"
    # they are active; any other participle with "sein" is a stative passive
    sein_perfect_verbs: FrozenSet[str]
    reciprocal: FrozenSet[str]
    relative_pronouns: FrozenSet[str]
    place_labels: FrozenSet[str]
    cue_verbs: Dict[str, str]  # lemma → threatened|promised|demanded|proposed|predicted
    negating_verbs: FrozenSet[str]
    object_control: FrozenSet[str]
    reporting: FrozenSet[str]
    future_aux: FrozenSet[str]
    hypothetical_aux: FrozenSet[str]
    reported_aux: FrozenSet[str]
    conditional_marks: Tuple[str, ...]
    negation: FrozenSet[str]
    particles: FrozenSet[str]
    nominal_source: Tuple[str, ...]
    genitive_preps: FrozenSet[str]
    anaphors: Dict[str, str]  # anaphoric nouns ("Land") → the actor type they stand for
    definite: FrozenSet[str]
    possessives: FrozenSet[str]
    forms: Dict[str, str]  # inflected form → lemma, for pipelines without a lemmatizer
    patterns: PatternIndex
    nominal_triggers: FrozenSet[str] = frozenset()
    deontic: FrozenSet[str] = frozenset()  # modals that turn reported content into a demand ("müsse")
    dyadic_roots: FrozenSet[str] = frozenset()  # CAMEO roots coded only with a target
    dyadic_except: FrozenSet[str] = frozenset()  # codes under those roots that need none
    agentive_roots: FrozenSet[str] = frozenset()  # CAMEO roots coded only with a known source
    claim_nouns: FrozenSet[str] = frozenset()  # "claimed responsibility for X": the claimant did X
    claim_verbs: FrozenSet[str] = frozenset()  # the verbs that claim it ("claim", "take")
    # accusations whose content is no event of its own ("warf Y vor, … zu haben", "der
    # Vorwurf, dass …"; syntax.yaml, German): verbs and nouns, lower-case lemmas
    accusation_verbs: FrozenSet[str] = frozenset()
    accusation_nouns: FrozenSet[str] = frozenset()
    # roots of verbs whose object noun, when it chose the verb's code, names an act that did
    # not happen ("forderte den Rückzug"; syntax.yaml object_act_roots, German)
    object_act_roots: FrozenSet[str] = frozenset()
    # words that open a purpose clause ("damit"), whose act is no event (German)
    purpose_marks: FrozenSet[str] = frozenset()
    # CAMEO codes (or their leading digits) of nominal events whose von-phrase names a city as
    # the treaty's name, not a party to it ("der Vertrag von Lissabon"; German)
    place_codes: FrozenSet[str] = frozenset()
    # prepositions and postpositions that name where a claim comes from ("laut der
    # Untersuchung", "der Studie zufolge"): the noun they govern is no event (German)
    attribution_preps: FrozenSet[str] = frozenset()
    # prepositions of an occasion around a nominal visit or meeting ("bei einem Besuch in
    # Athen sagte X"): the governing clause's subject takes part in it (German)
    occasion_preps: FrozenSet[str] = frozenset()
    # the same with a possessive in the phrase ("nach seinem Besuch"), bound by that subject
    occasion_preps_possessive: FrozenSet[str] = frozenset()
    # subjunctive forms of a deontic modal that also read as an expectation ("sollte"): over
    # an active verb with no actor as its subject they make no demand (German)
    expectation_modals: FrozenSet[str] = frozenset()
    # verbs and nouns of belief whose clause reports no event ("thought X would attack",
    # "the idea that X trains Y"; syntax.yaml, English)
    belief_verbs: FrozenSet[str] = frozenset()
    belief_nouns: FrozenSet[str] = frozenset()
    # words that open an embedded question whose events are asked about ("whether";
    # syntax.yaml question_marks, English)
    question_marks: FrozenSet[str] = frozenset()
    # prepositions that make a mutual event noun a topic or reference, no new event ("on the
    # call between X and Y"; syntax.yaml mention_preps, English)
    mention_preps: FrozenSet[str] = frozenset()
    # nouns that count or collect the people of their of-phrase ("dozens of protesters",
    # "a group of soldiers"): the of-phrase is the argument (syntax.yaml quantity_heads, English)
    quantity_heads: FrozenSet[str] = frozenset()
    # adverbs right after the finite verb of a verb-first clause after a comma that mark it a
    # coordinated clause sharing the subject before ("X kritisierte Y, lobte aber Z";
    # syntax.yaml asyndetic_adverbs, German)
    asyndetic_adverbs: FrozenSet[str] = frozenset()
    # places, positions and vehicles whose actor modifier is the argument ("rebel positions",
    # "an army convoy"; syntax.yaml owned_places, English)
    owned_places: FrozenSet[str] = frozenset()
    # nouns of a demand, offer or reproach whose "from" phrase names their author ("calls
    # from the EU"; syntax.yaml from_agent_nouns, English)
    from_agent_nouns: FrozenSet[str] = frozenset()
    # prepositions that name the one threatened inside a threat's content ("threatened to
    # cut deliveries to X"; syntax.yaml threat_target_preps, English)
    threat_target_preps: FrozenSet[str] = frozenset()
    # envoys and missions of a state and the prepositions naming the state they are posted to
    # or sent from ("its ambassador to X", "diplomats from X"; syntax.yaml envoy_nouns,
    # envoy_preps, English)
    envoy_nouns: FrozenSet[str] = frozenset()
    envoy_preps: FrozenSet[str] = frozenset()
    # roots of a reaction aimed at the author of the nominal act it names ("condemned the
    # killing of X by Y"; syntax.yaml author_target_roots, English)
    author_target_roots: FrozenSet[str] = frozenset()
    # an event dated this many calendar years before the document's time is background (0:
    # off), and the words before a year that make it a target, not the document's time
    # (syntax.yaml background_date, English)
    background_years: int = 0
    # a targetless fight for a stated cause is a campaign, no event (syntax.yaml
    # campaign_goal_preps, campaign_goal_marks, campaign_event_nouns; English)
    campaign_goal_preps: FrozenSet[str] = frozenset()
    campaign_goal_marks: FrozenSet[str] = frozenset()
    campaign_event_nouns: FrozenSet[str] = frozenset()
    campaign_perfect_aux: FrozenSet[str] = frozenset()
    background_target_marks: FrozenSet[str] = frozenset()
    background_preps: FrozenSet[str] = frozenset()
    reciprocal_preps: FrozenSet[str] = frozenset()  # "talks between X and Y": X and Y act on each other
    predicative_markers: FrozenSet[str] = frozenset()  # "als" of "bezeichnete X als Y"
    postpositions: FrozenSet[str] = frozenset()  # "der Nato zufolge": an adverbial, no argument
    # CAMEO agents (lower case, "igo" for any IGO) that make a document political (syntax.yaml)
    political_agents: FrozenSet[str] = frozenset()
    # CAMEO codes of coming and going (visit 042, withdraw 166 …) and the agents of population
    # groups (refugees, civilians) for whom they are travel, not events (syntax.yaml)
    movement_codes: FrozenSet[str] = frozenset()
    population_agents: FrozenSet[str] = frozenset()
    # CAMEO agents of firms and outlets, which do not make an actor political (syntax.yaml)
    sector_agents: FrozenSet[str] = frozenset()
    # nouns of accidents and natural disasters (lower case; also as the last part of a
    # compound: "Arbeitsunfall") and the roots of harm that they explain (syntax.yaml)
    accident_nouns: FrozenSet[str] = frozenset()
    accident_roots: FrozenSet[str] = frozenset()
    # CAMEO roots of material acts that are business when neither side is a political actor
    # (syntax.yaml private_roots)
    private_roots: FrozenSet[str] = frozenset()
    # first/second-person object pronoun -> the subject pronoun whose reflexive it is
    # ("wir ... uns"; syntax.yaml reflexive_persons)
    reflexive_persons: Dict[str, str] = field(default_factory=dict)
    # content verbs of a reported modal clause that name what one must expect, not do
    # ("muss mit einer Strafe rechnen"; syntax.yaml deontic_expectations)
    deontic_expectations: FrozenSet[str] = frozenset()
    # nominal events whose country adjective is a place, not an agent ("der syrische
    # Bürgerkrieg"; lower case, also as the last part of a compound; syntax.yaml)
    adj_place_nouns: FrozenSet[str] = frozenset()
    # first-person words (data/<lang>/first_person.txt, shared with the statements layer):
    # a first-person pronoun argument in reported speech is the statement's speaker
    first_person: FrozenSet[str] = frozenset()
    # sport reports: the words of a sense class (senses_<lang>.tsv) and how many distinct ones
    # make a document a sport report, in which only actors with a coded role act (syntax.yaml)
    sport_words: FrozenSet[str] = frozenset()
    sport_doc_min: int = 0
    # words of the sense classes whose exclusion (not=) binds the excluded code against a
    # plain row of the same trigger (syntax.yaml sense_veto; empty: no veto)
    veto_words: FrozenSet[str] = frozenset()
    # support verbs of nominal events (support_verbs_<lang>.tsv): lemma -> ((slot, role), ...)
    support_verbs: Dict[str, Tuple[Tuple[str, str], ...]] = field(default_factory=dict)
    # irregular past forms of verb_forms_<lang>.tsv ("shot" -> "shoot"; English only)
    irregular_past: Dict[str, str] = field(default_factory=dict)

    def role(self, dep: str) -> str:
        role = self.roles.get(dep)
        if role is None and ":" in dep:
            role = self.roles.get(dep.split(":", 1)[0])
        return role or "other"

    def prep(self, word: str) -> str:
        word = word.lower()
        return self.contractions.get(word, word)

    def past_lemma(self, word: str) -> Optional[str]:
        """The lemma of ``word`` (lower case) when it is the past tense or participle of a
        verb this lexicon knows (a pattern trigger, cue or support verb): an irregular form of
        ``verb_forms_<lang>.tsv`` ("shot" -> "shoot") or a regular -ed form ("clashed" ->
        "clash", "seized" -> "seize", "shelled", "carried" -> "carry"); else None. English
        only (None for other languages). Used to repair a past verb the parser read as a noun
        or adjective (:func:`lagebild.language.clauses.repair_english_verbs`)."""
        if self.lang != "en":
            return None
        lemma = self.irregular_past.get(word)
        if lemma is not None:
            return lemma
        if len(word) > 4 and word.endswith("ed"):
            for cand in (word[:-2], word[:-1], word[:-3], word[:-3] + "y"):
                if self.forms.get(cand) == cand:
                    return cand
        return None


def _german_forms(lemma: str, particles: FrozenSet[str], irregular: Dict[str, List[str]]) -> Dict[str, str]:
    """Regular (weak) forms of a German verb, plus the irregular ones from the table."""
    out: Dict[str, str] = {}
    prefix, base = "", lemma
    for p in sorted(particles, key=len, reverse=True):
        if lemma.startswith(p) and len(lemma) - len(p) >= 4 and lemma[len(p):] in irregular or (
            lemma.startswith(p) and len(lemma) - len(p) >= 5 and p in ("ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen", "los")
        ):
            prefix, base = p, lemma[len(p):]
            break
    if base.endswith(("eln", "ern")):
        stem = base[:-1]
    elif base.endswith("en"):
        stem = base[:-2]
    elif base.endswith("n"):
        stem = base[:-1]
    else:
        return out
    inseparable = base.startswith(("be", "ver", "er", "ent", "zer", "ge", "miss", "über", "unter", "hinter", "wider")) or base.endswith("ieren")
    e = "e" if stem.endswith(("t", "d")) or (stem.endswith(("m", "n")) and stem[-2:-1] not in "aeiouhlr") else ""
    finite = [stem + "e", stem + e + "st", stem + e + "t", base, stem + e + "te", stem + e + "ten", stem + e + "test", stem + e + "tet"]
    part = ("" if inseparable else "ge") + stem + e + "t"
    for f in finite:
        out.setdefault(f, lemma if not prefix else base)
    out.setdefault(prefix + part, lemma)
    if prefix:
        out.setdefault(prefix + "zu" + base, lemma)
        out.setdefault(lemma, lemma)
    for form in irregular.get(base, []):
        if form.startswith("ge") and prefix:
            out.setdefault(prefix + form, lemma)
        out.setdefault(form, base if prefix else lemma)
    if prefix:
        # verb-final clauses join the particle to the finite form ("weil Macron Scholz
        # einlud", "dass Moskau Truppen abzieht"): the joined forms are the particle verb's
        for f in finite[:3] + finite[4:] + [x for x in irregular.get(base, []) if not x.startswith("ge")]:
            out.setdefault(prefix + f, lemma)
    for form in irregular.get(lemma, []):
        out.setdefault(form, lemma)
    return out


def _english_forms(lemma: str, irregular: Dict[str, List[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    verb = lemma.split(" ")[0]
    if verb.endswith("e"):
        forms = [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms = [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms = [verb + "es", verb + "ed", verb + "ing"]
    else:
        forms = [verb + "s", verb + "ed", verb + "ing"]
        if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou" and len(verb) <= 4:
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    forms += irregular.get(verb, [])
    for f in forms:
        out.setdefault(f, verb)
    return out


def _support_row_problem(row: Dict[str, object]) -> Optional[str]:
    slot = str(row.get("slot") or "")
    if slot not in ("obj", "subj") and not (slot.startswith("prep:") and len(slot) > 5):
        return f"slot {slot!r}: obj, subj or prep:<preposition>"
    if row.get("role") not in ("agent", "patient", "occur"):
        return (f"role {row.get('role')!r}: agent (the subject acts), patient (the subject undergoes) "
                "or occur (the event takes place: only negation and modality come from the verb)")
    return None


def load_support_verbs(lang: str) -> Dict[str, Tuple[Tuple[str, str], ...]]:
    """Support verbs of nominal events from ``events/support_verbs_<lang>.tsv``: verb lemma
    -> ((slot, role), ...), slot ``obj``, ``subj`` or ``prep:<p>``, role ``agent`` (the verb's
    subject is the nominal event's source: "setzte die Angriffe auf X fort"), ``patient`` (its
    target: "erntete Kritik") or ``occur`` (the event takes place or not: "Das Treffen fand
    nicht statt", "Es gab keine Gespräche zwischen X und Y"). Empty when the file does not exist; a bad row raises
    :class:`lagebild.datafiles.DataFileError` naming file and line."""
    path = data_path("events", f"support_verbs_{lang}.tsv")
    if not path.is_file():
        return {}
    out: Dict[str, List[Tuple[str, str]]] = {}
    for row in iter_tsv(path, required=("verb", "slot", "role"), validate=_support_row_problem):
        out.setdefault(row["verb"].lower(), []).append((row["slot"].lower(), row["role"]))
    return {k: tuple(v) for k, v in out.items()}


def verb_forms(lang: str, lemmas: Iterable[str], particles: FrozenSet[str]) -> Dict[str, str]:
    """``{inflected form: lemma}`` for the verb ``lemmas`` (pattern triggers, cue verbs):
    regular forms by rule plus the irregular ones of ``verb_forms_<lang>.tsv``; a lemma
    maps to itself. Used for the shipped lexicon and for patterns a user adds
    (``patterns_path`` of the events component)."""
    irregular: Dict[str, List[str]] = {}
    forms_path = data_path("events", f"verb_forms_{lang}.tsv")
    if forms_path.is_file():
        for row in iter_tsv(forms_path, required=("lemma", "forms")):
            irregular.setdefault(row["lemma"].lower(), []).extend(row["forms"].lower().split())
    lemmas = set(lemmas)
    forms: Dict[str, str] = {}
    for lemma in sorted(lemmas):
        generated = _german_forms(lemma, particles, irregular) if lang == "de" else _english_forms(lemma, irregular)
        for form, lem in generated.items():
            forms.setdefault(form, lem)
    for lemma in lemmas:
        forms[lemma.split(" ")[0]] = lemma.split(" ")[0]
    return forms

@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """Roles, cues and patterns for ``lang`` (falls back to English data)."""
    syntax = load_yaml(data_path("events", "syntax.yaml")) or {}
    roles: Dict[str, str] = {}
    for role, labels in (syntax.get("roles") or {}).items():
        for label in labels:
            roles[str(label)] = role
    mod_path = data_path("events", f"modality_{lang}.yaml")
    if not mod_path.is_file():
        mod_path = data_path("events", "modality_en.yaml")
    mod = load_yaml(mod_path) or {}
    cue_verbs: Dict[str, str] = {}
    for kind in MODAL_KINDS:
        for lemma in _fs(mod.get(kind)):
            cue_verbs.setdefault(lemma, kind)
    particles = separable_prefixes(lang)
    patterns = load_patterns(lang)
    support_verbs = load_support_verbs(lang)
    lemmas = set(patterns.triggers()) | set(cue_verbs) | set(support_verbs) | set(_fs(mod.get("negating_verbs"))) | set(_fs(mod.get("reporting")))
    forms = verb_forms(lang, lemmas, particles)

    def per_lang(key: str) -> FrozenSet[str]:
        return _fs((syntax.get(key) or {}).get(lang) or [])

    return Lexicon(
        lang=lang,
        roles=roles,
        contractions={str(k): str(v) for k, v in ((syntax.get("contractions") or {}).get(lang) or {}).items()},
        agent_preps=per_lang("agent_preps"),
        location_preps=per_lang("location_preps"),
        circumstance_preps=per_lang("circumstance_preps"),
        sein_perfect_verbs=per_lang("sein_perfect_verbs"),
        reciprocal=per_lang("reciprocal"),
        relative_pronouns=per_lang("relative_pronouns"),
        place_labels=frozenset(syntax.get("place_labels") or []),
        cue_verbs=cue_verbs,
        negating_verbs=_fs(mod.get("negating_verbs")),
        object_control=_fs(mod.get("object_control")),
        reporting=_fs(mod.get("reporting")),
        future_aux=_fs(mod.get("future_aux")),
        hypothetical_aux=_fs(mod.get("hypothetical_aux")),
        reported_aux=_fs(mod.get("reported_aux")),
        conditional_marks=tuple(str(m).lower() for m in mod.get("conditional_marks") or []),
        negation=_fs(mod.get("negation")),
        particles=particles,
        genitive_preps=per_lang("genitive_preps"),
        nominal_source=tuple(str(s) for s in ((syntax.get("nominal_source") or {}).get(lang) or ["poss"])),
        anaphors={str(k).lower(): str(v) for k, v in ((syntax.get("anaphors") or {}).get(lang) or {}).items()},
        definite=per_lang("definite"),
        possessives=per_lang("possessives"),
        forms=forms,
        patterns=patterns,
        nominal_triggers=frozenset(k for k in patterns.triggers() if any(p.nominal for p in patterns.get(k))),
        deontic=_fs(mod.get("deontic")),
        dyadic_roots=per_lang("dyadic_roots"),
        dyadic_except=per_lang("dyadic_except"),
        agentive_roots=per_lang("agentive_roots"),
        claim_nouns=per_lang("claim_nouns"),
        claim_verbs=per_lang("claim_verbs"),
        accusation_verbs=per_lang("accusation_verbs"),
        accusation_nouns=per_lang("accusation_nouns"),
        object_act_roots=per_lang("object_act_roots"),
        purpose_marks=per_lang("purpose_marks"),
        place_codes=per_lang("place_codes"),
        attribution_preps=per_lang("attribution_preps"),
        occasion_preps=per_lang("occasion_preps"),
        occasion_preps_possessive=per_lang("occasion_preps_possessive"),
        expectation_modals=per_lang("expectation_modals"),
        belief_verbs=per_lang("belief_verbs"),
        belief_nouns=per_lang("belief_nouns"),
        question_marks=per_lang("question_marks"),
        mention_preps=per_lang("mention_preps"),
        quantity_heads=per_lang("quantity_heads"),
        asyndetic_adverbs=per_lang("asyndetic_adverbs"),
        owned_places=per_lang("owned_places"),
        from_agent_nouns=per_lang("from_agent_nouns"),
        threat_target_preps=per_lang("threat_target_preps"),
        envoy_nouns=per_lang("envoy_nouns"),
        envoy_preps=per_lang("envoy_preps"),
        author_target_roots=per_lang("author_target_roots"),
        campaign_goal_preps=per_lang("campaign_goal_preps"),
        campaign_goal_marks=per_lang("campaign_goal_marks"),
        campaign_event_nouns=per_lang("campaign_event_nouns"),
        campaign_perfect_aux=per_lang("campaign_perfect_aux"),
        background_years=int(((syntax.get("background_date") or {}).get(lang) or {}).get("years") or 0),
        background_target_marks=_fs(((syntax.get("background_date") or {}).get(lang) or {}).get("target_marks")),
        background_preps=_fs(((syntax.get("background_date") or {}).get(lang) or {}).get("preps")),
        reciprocal_preps=per_lang("reciprocal_preps"),
        predicative_markers=per_lang("predicative_markers"),
        support_verbs=support_verbs,
        postpositions=per_lang("postpositions"),
        political_agents=per_lang("political_agents"),
        movement_codes=per_lang("movement_codes"),
        population_agents=per_lang("population_agents"),
        sector_agents=per_lang("sector_agents"),
        accident_nouns=per_lang("accident_nouns"),
        accident_roots=per_lang("accident_roots"),
        private_roots=per_lang("private_roots"),
        deontic_expectations=per_lang("deontic_expectations"),
        reflexive_persons={str(k).lower(): str(v).lower() for k, v in
                           ((syntax.get("reflexive_persons") or {}).get(lang) or {}).items()},
        adj_place_nouns=per_lang("adj_place_nouns"),
        first_person=_first_person(lang),
        irregular_past=_irregular_past(lang, forms),
        veto_words=_class_words(syntax, "sense_veto", lang),
        **_sport_doc(syntax, lang),
    )


def _first_person(lang: str) -> FrozenSet[str]:
    """Lower-case first-person pronouns and possessives of ``lang``
    (``data/<lang>/first_person.txt``, the statements layer's list; empty when the language
    has none)."""
    return lang_words(lang, "first_person.txt")


def _irregular_past(lang: str, forms: Dict[str, str]) -> Dict[str, str]:
    """``{past form: lemma}`` of the irregular verbs of ``verb_forms_<lang>.tsv`` (English
    only) whose lemma is a known verb of ``forms``: the table's forms minus the -s and -ing
    forms it also lists ("meet: met meets meeting" gives "met")."""
    if lang != "en":
        return {}
    out: Dict[str, str] = {}
    path = data_path("events", f"verb_forms_{lang}.tsv")
    if not path.is_file():
        return out
    for row in iter_tsv(path, required=("lemma", "forms")):
        lemma = row["lemma"].lower()
        if forms.get(lemma) != lemma:
            continue
        for form in row["forms"].lower().split():
            if not form.endswith("ing") and form != lemma + "s" and form != lemma + "es":
                out.setdefault(form, lemma)
    return out


def _class_words(syntax: Dict[str, Any], key: str, lang: str) -> FrozenSet[str]:
    """The words of the sense classes (``senses_<lang>.tsv``) that ``syntax.yaml`` lists under
    ``key`` for ``lang``, in the form a pattern's ``not=`` holds them (``_`` as a space).
    Raises ``ValueError`` naming the file for a class that is not defined."""
    from .patterns import load_sense_classes

    names = [str(n) for n in ((syntax.get(key) or {}).get(lang) or [])]
    if not names:
        return frozenset()
    classes = load_sense_classes(lang)
    unknown = [n for n in names if n not in classes]
    if unknown:
        raise ValueError(f"data/events/syntax.yaml {key}.{lang}: no sense class {', '.join(unknown)} in senses_{lang}.tsv")
    return frozenset(w.replace("_", " ") for n in names for w in classes[n])


def _sport_doc(syntax: Dict[str, Any], lang: str) -> Dict[str, Any]:
    """``sport_words`` and ``sport_doc_min`` of ``lang`` from ``syntax.yaml``'s ``sport_doc``
    (``{lang: {class: <sense class of senses_<lang>.tsv>, min: <distinct words>}}``); none
    (the rule off) when the language has no entry. Raises ``ValueError`` naming the file for
    an unknown class or a minimum below 1."""
    from .patterns import load_sense_classes

    entry = (syntax.get("sport_doc") or {}).get(lang)
    if not entry:
        return {}
    classes = load_sense_classes(lang)
    name, low = str(entry.get("class") or ""), entry.get("min")
    if name not in classes or not isinstance(low, int) or low < 1:
        raise ValueError(f"data/events/syntax.yaml sport_doc.{lang}: class must name a sense class of "
                         f"senses_{lang}.tsv and min be a whole number >= 1 (got {name!r}, {low!r})")
    return {"sport_words": frozenset(w.replace("_", " ") for w in classes[name]), "sport_doc_min": low}
