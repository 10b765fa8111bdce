"""Readers for PETRARCH/TABARI coding dictionaries, so existing resources keep working.

- :func:`read_verb_dictionary` converts a PETRARCH verb dictionary (``CAMEO.2.0.txt``,
  ``PETR.Validate.verbs.txt``) into :class:`~lagebild.events.patterns.Pattern` objects:
  ``--- NAME [code] ---`` blocks of verbs (``BAN {BANS BANNED}``, multi-word
  ``+BREAK_DOWN``, ``WIRE_+TAP``), ``- pattern [code]`` lines where ``*`` is the verb,
  ``$`` the source, ``+`` the target, ``&SYNSET`` a word set, ``(…)``/``{…}`` groups,
  ``%``/``^`` compound/skip markers (ignored), and ``[src:tgt]`` double codes.
- :class:`ActorDictionary` reads actor (``NAME [CODE]``, ``+SYNONYM``, dated code lines) and
  agent (``NOUN [~GOV]``/``[NGO~]``, ``!SUBST!`` macros, ``{}`` no plural) dictionaries
  and tags a parsed Doc with mentions whose ``actor_id`` is the composed code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from spacy.tokens import Doc, Token

from ..schemas import Mention
from .patterns import PHRASAL_PARTICLES, Pattern

PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beneath beside between "
    "beyond by despite during for from in inside into near of off on onto out outside over since through "
    "to toward towards under until upon via with within without".split()
)
PETRARCH_TARGET = ("obj", "iobj", "prep:*", "any")


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return line.split("#", 1)[0].rstrip()


def _read_synsets(lines: List[str]) -> Dict[str, List[str]]:
    synsets: Dict[str, List[str]] = {}
    current: Optional[str] = None
    for raw in lines:
        line = _strip_comment(raw).strip()
        if not line:
            current = None
            continue
        if line.startswith("&") and not line.startswith("---"):
            current = line.split()[0].upper()
            synsets[current] = []
        elif current and line.startswith("+"):
            synsets[current].append(line[1:].strip())
        elif line.startswith("---"):
            current = None
    return synsets


def _expand(name: str, synsets: Dict[str, List[str]], depth: int = 0) -> Set[str]:
    out: Set[str] = set()
    for member in synsets.get(name.rstrip("_").upper(), synsets.get(name.upper(), [])):
        if member.startswith("&") and depth < 5:
            out |= _expand(member, synsets, depth + 1)
        else:
            word = " ".join(member.replace("_", " ").lower().split())
            if word:
                out.add(word)
    return out


_CODE = re.compile(r"\[([^\]]*)\]")


def _parse_pattern(body: str, synsets: Dict[str, List[str]]) -> Optional[dict]:
    """The words, slots and markers of one ``- pattern`` body (without its code)."""
    text = body.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    text = text.replace("*", " * ").replace("_", " _ ")
    tokens = text.split()
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    pre, post = tokens[:star], tokens[star + 1:]

    def words_of(seq: List[str]) -> Tuple[List[FrozenSet[str]], List[str], List[str], List[bool]]:
        words: List[FrozenSet[str]] = []
        adjacent: List[bool] = []
        target_slots: List[str] = []
        source_slots: List[str] = []
        joined = False
        for i, tok in enumerate(seq):
            if tok == "_":
                joined = True
                continue
            glue, joined = joined, False
            if tok in ("+", "$"):
                prev = seq[i - 1].lower() if i > 0 else ""
                slot = f"prep:{prev}" if prev in PREPOSITIONS else "obj"
                if prev in PREPOSITIONS and words and words[-1] == frozenset([prev]):
                    words.pop()
                    adjacent.pop()
                (target_slots if tok == "+" else source_slots).append(slot)
            elif tok in ("%", "^"):
                continue
            elif tok.startswith("&"):
                members = _expand(tok, synsets)
                if members:
                    words.append(frozenset(members))
                    adjacent.append(glue)
            elif any(ch.isalpha() for ch in tok):
                words.append(frozenset([tok.lower()]))
                adjacent.append(glue)
        return words, target_slots, source_slots, adjacent

    pre_words, pre_t, pre_s, _pre_adj = words_of(pre)
    post_words, post_t, post_s, post_adj = words_of(post)
    return {
        "compound": "%" in pre,
        "pre_words": tuple(pre_words),
        "words": tuple(post_words),
        "adjacent": tuple(post_adj),
        "target": tuple(post_t) or (("subj",) if pre_t else ()),
        "source": tuple(post_s) or ("subj",),
    }


def _codes(cell: str) -> Tuple[str, Optional[str]]:
    cell = cell.strip()
    if ":" in cell:
        a, b = cell.split(":", 1)
        return a.strip(), (b.strip() or None)
    return cell, None


def _verb_entry(entry: str) -> Tuple[str, Tuple[FrozenSet[str], ...], List[str]]:
    """(trigger, words before, words after) of a verb entry: "BAN", "+BREAK_DOWN",
    "WIRE_+TAP", "KLM_NOP_+RST"."""
    words = entry.replace("_", " ").split()
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if marked:
        i = marked[0]
        verb = words[i].lstrip("+").lower()
        pre = tuple(frozenset([w.lower().lstrip("+")]) for w in words[:i])
        rest = [w.lower().lstrip("+") for w in words[i + 1:]]
    else:
        verb, pre, rest = words[0].lower(), (), [w.lower() for w in words[1:]]
    if rest and rest[0] in PHRASAL_PARTICLES:
        return f"{verb} {rest[0]}", pre, rest[1:]
    return verb, pre, rest


def read_verb_dictionary(path: Path | str) -> List[Pattern]:
    """Patterns of a PETRARCH verb dictionary (see the module docstring)."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = _read_synsets(lines)
    patterns: List[Pattern] = []
    block_code: Optional[str] = None
    # (trigger, default code, reverse code, words before, words after the verb)
    verbs: List[Tuple[str, str, Optional[str], Tuple[FrozenSet[str], ...], Tuple[FrozenSet[str], ...]]] = []
    block_patterns: List[Tuple[dict, str, Optional[str], int]] = []

    def flush() -> None:
        for trigger, vcode, vrev, vpre, vpost in verbs:
            origin = f"{path.name}:{trigger}"
            patterns.append(Pattern(trigger=trigger, code=vcode, reverse_code=vrev, pre_words=vpre, words=vpost, target=PETRARCH_TARGET, ordered=True,
                                    mutual=True, origin=origin))
            for parsed, code, rev, lineno in block_patterns:
                patterns.append(Pattern(
                    trigger=trigger, code=code, reverse_code=rev,
                    words=vpost + parsed["words"], pre_words=vpre + parsed["pre_words"],
                    adjacent=tuple(True for _ in vpost) + parsed["adjacent"],
                    target=parsed["target"] or PETRARCH_TARGET, source_slots=parsed["source"], mutual=True, ordered=True,
                    compound_source=parsed["compound"],
                    origin=f"{path.name}:{lineno}",
                ))

    in_synset = False
    for lineno, raw in enumerate(lines, start=1):
        line = _strip_comment(raw)
        stripped = line.strip()
        if not stripped:
            in_synset = False
            continue
        if stripped.startswith("---"):
            flush()
            verbs, block_patterns = [], []
            m = _CODE.search(stripped)
            block_code = m.group(1).strip() if m else "---"
            in_synset = False
            continue
        if stripped.startswith("&"):
            in_synset = True
            continue
        if in_synset and stripped.startswith("+") or block_code is None:
            continue
        if stripped.startswith("-"):
            m = _CODE.search(stripped)
            if not m:
                continue
            code, rev = _codes(m.group(1))
            parsed = _parse_pattern(stripped[1:m.start()], synsets)
            if parsed is not None:
                block_patterns.append((parsed, code, rev, lineno))
            continue
        # a verb line: VERB {FORMS} [code], +MULTI_WORD, WIRE_+TAP
        m = _CODE.search(stripped)
        vcode = m.group(1).strip() if m else block_code
        vcode_main, vrev = _codes(vcode or "---")
        forms_m = re.search(r"\{([^}]*)\}", stripped)
        head = re.sub(r"\{[^}]*\}", "", _CODE.sub("", stripped)).strip()
        if not head:
            continue
        # the base entry and its listed irregular forms ("+CORDONED_OFF", "BANNED")
        for entry in [head] + (forms_m.group(1).split() if forms_m else []):
            trigger, pre, rest = _verb_entry(entry)
            verbs.append((trigger, vcode_main, vrev, pre, tuple(frozenset([w]) for w in rest)))
            if pre and len(pre) == 1 and not rest:
                # "WIRE_+TAP": also as a two-word trigger, for parses that make "wire" the verb
                verbs.append((f"{next(iter(pre[0]))} {trigger}", vcode_main, vrev, (), ()))
    flush()
    return patterns


# ---------------------------------------------------------------------------- actors


def _parse_date(s: str) -> Optional[date]:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy = int(s[:2])
        return date(1900 + yy if yy > 30 else 2000 + yy, int(s[2:4]), int(s[4:6]))
    if len(s) == 8:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    return None


@dataclass
class DatedCode:
    code: str
    start: Optional[date] = None
    end: Optional[date] = None

    def valid(self, when: Optional[date]) -> bool:
        if when is None:
            return self.start is None and self.end is None or True
        return (self.start is None or when >= self.start) and (self.end is None or when <= self.end)


def _dated(cell: str) -> DatedCode:
    cell = " ".join(cell.split())
    m = re.match(r"^(\S+)\s*<\s*(\d+)$", cell)
    if m:
        end = _parse_date(m.group(2))
        return DatedCode(m.group(1), None, end)
    m = re.match(r"^(\S+)\s*>\s*(\d+)$", cell)
    if m:
        return DatedCode(m.group(1), _parse_date(m.group(2)), None)
    m = re.match(r"^(\S+)\s+(\d+)\s*-\s*(\d+)$", cell)
    if m:
        return DatedCode(m.group(1), _parse_date(m.group(2)), _parse_date(m.group(3)))
    return DatedCode(cell.split()[0] if cell else "---")


@dataclass
class _Entry:
    words: Tuple[str, ...]
    exact_last: bool
    codes: List[DatedCode] = field(default_factory=list)
    agent: Optional[str] = None  # "~GOV" / "NGO~" for agents


class ActorDictionary:
    """Actor and agent phrases → codes; tags Docs with composed-code mentions."""

    def __init__(self) -> None:
        self.actors: Dict[str, List[_Entry]] = {}  # first word → entries
        self.agents: Dict[str, List[_Entry]] = {}

    @staticmethod
    def _phrase(text: str) -> Tuple[Tuple[str, ...], bool]:
        text = text.strip()
        exact = text.endswith("_")
        words = tuple(w for w in text.replace("_", " ").upper().split() if w)
        return words, exact

    def _add(self, table: Dict[str, List[_Entry]], entry: _Entry) -> None:
        if entry.words:
            table.setdefault(entry.words[0], []).append(entry)

    def read_actors(self, path: Path | str) -> "ActorDictionary":
        group: List[_Entry] = []
        for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            line = _strip_comment(raw)
            if not line.strip():
                continue
            codes = [_dated(c) for c in _CODE.findall(line)]
            name = _CODE.sub("", line).strip()
            if line[:1].isspace() and not name:
                # a code line of the entry above
                for e in group:
                    e.codes.extend(codes)
                continue
            if name.startswith("+"):
                words, exact = self._phrase(name[1:])
                entry = _Entry(words, exact, list(group[0].codes) if group else [])
                group.append(entry)
                self._add(self.actors, entry)
                continue
            words, exact = self._phrase(name)
            entry = _Entry(words, exact, codes)
            group = [entry]
            self._add(self.actors, entry)
        # synonyms listed before the code lines take the codes found later
        for entries in self.actors.values():
            for e in entries:
                e.codes = [c for c in e.codes if c.code]
        return self

    def read_agents(self, path: Path | str) -> "ActorDictionary":
        macros: Dict[str, List[str]] = {}
        for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            line = _strip_comment(raw).strip()
            if not line:
                continue
            m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
            if m:
                macros[m.group(1).upper()] = [w.strip().upper() for w in m.group(2).split(",") if w.strip()]
                continue
            cm = _CODE.search(line)
            if not cm:
                continue
            code = cm.group(1).strip()
            name = line[:cm.start()]
            plural_block = re.search(r"\{([^}]*)\}", name)
            no_plural = plural_block is not None
            extra_forms = plural_block.group(1).split() if plural_block else []
            name = re.sub(r"\{[^}]*\}", "", name).strip()
            variants = [name]
            mm = re.search(r"!(\w+)!", name)
            if mm and mm.group(1).upper() in macros:
                variants = [name.replace(mm.group(0), w) for w in macros[mm.group(1).upper()]]
            for v in variants + extra_forms:
                words, exact = self._phrase(v)
                forms = [words]
                if not no_plural and words:
                    last = words[-1]
                    plural = last[:-1] + "IES" if last.endswith("Y") else last + ("ES" if last.endswith(("S", "SH", "CH", "X")) else "S")
                    forms.append(words[:-1] + (plural,))
                    if last.endswith("MAN"):
                        forms.append(words[:-1] + (last[:-3] + "MEN",))
                for f in forms:
                    self._add(self.agents, _Entry(f, True, [], agent=code))
        return self

    # ------------------------------------------------------------------ matching
    @staticmethod
    def _match(entries: List[_Entry], words: List[str], i: int) -> Optional[Tuple[_Entry, int]]:
        best: Optional[Tuple[_Entry, int]] = None
        for e in entries:
            n = len(e.words)
            if i + n > len(words):
                continue
            ok = True
            for k, w in enumerate(e.words):
                tok = words[i + k]
                last = k == n - 1
                if tok == w or (last and not e.exact_last and tok.startswith(w) and len(w) >= 3):
                    continue
                ok = False
                break
            if ok and (best is None or n > len(best[0].words)):
                best = (e, n)
        return best

    def find(self, doc: Doc, when: Optional[date]) -> Tuple[List[Tuple[int, int, str]], List[Tuple[int, int, str]]]:
        """(actor matches, agent matches) as (first token, end token, code)."""
        # words, with underscore-joined tokens ("Dol_Amroth") split; owner token of each word
        words: List[str] = []
        owner: List[int] = []
        for t in doc:
            for w in (t.text.upper().split("_") if "_" in t.text.strip("_") else [t.text.upper()]):
                words.append(w)
                owner.append(t.i)
        actors: List[Tuple[int, int, str]] = []
        agents: List[Tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            a = self._match(self.actors.get(words[i], []), words, i) if words[i] in self.actors else None
            if a is None:
                # prefix entries ("ARGENTIN") are indexed by their whole first word
                for key in (words[i][:k] for k in range(len(words[i]) - 1, 2, -1)):
                    if key in self.actors:
                        a = self._match([e for e in self.actors[key] if len(e.words) == 1 and not e.exact_last], words, i)
                        if a:
                            break
            g = self._match(self.agents.get(words[i], []), words, i) if words[i] in self.agents else None
            if a and (not g or a[1] >= g[1]):
                dated = [c for c in a[0].codes if (c.start or c.end) and when is not None and c.valid(when)]
                codes = dated or [c for c in a[0].codes if not (c.start or c.end)] or a[0].codes
                code = codes[0].code if codes else "---"
                if any(ch.isalnum() for ch in code):
                    actors.append((owner[i], owner[i + a[1] - 1] + 1, code.split("/")[0]))
                i += a[1]
            elif g:
                agents.append((owner[i], owner[i + g[1] - 1] + 1, g[0].agent or ""))
                i += g[1]
            else:
                i += 1
        return actors, agents

    def tag(self, doc: Doc, when: Optional[date] = None) -> List[Mention]:
        """Mentions over ``doc``: one per actor match, and one per noun phrase that holds
        agents, with the composed code (actor + agent suffixes, prefix agents first)."""
        actors, agents = self.find(doc, when)
        mentions: List[Mention] = []
        for s, e, code in actors:
            span = doc[s:e]
            mentions.append(Mention(code, span.start_char, span.end_char, span.text))
        by_token: Dict[int, Tuple[int, int, str]] = {}
        for item in actors:
            for k in range(item[0], item[1]):
                by_token[k] = item
        # agents grouped by the noun phrase they belong to
        groups: Dict[int, List[Tuple[int, int, str]]] = {}
        for s, e, agent in agents:
            head = _span_head(doc, s, e)
            root = head
            while root.dep_.split(":")[0] in ("compound", "flat", "amod", "poss", "nmod", "appos", "nn") and root.head is not root and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head
            groups.setdefault(root.i, []).append((s, e, agent))
        for root_i, items in groups.items():
            np_tokens = list(_np_tokens(doc[root_i]))
            lo = min([t.i for t in np_tokens] + [s for s, _, _ in items])
            hi = max([t.i for t in np_tokens] + [e - 1 for _, e, _ in items]) + 1
            # the owner is the first actor of the phrase ("Ithilen's minister Calimehtar",
            # "Bree President Romendacil" → the country, not the person's own code)
            owner = next((by_token[k] for k in range(lo, hi) if k in by_token), None)
            code = owner[2] if owner else "---"
            for _s, _e, agent in items:
                part = agent.replace("~", "").strip()
                if not part or part in code:
                    continue
                code = part + code if agent.endswith("~") else code + part
            span = doc[lo:hi]
            mentions.append(Mention(code, span.start_char, span.end_char, span.text))
        mentions.sort(key=lambda m: m.start)
        return mentions


def _span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside the span."""
    for t in doc[start:end]:
        if t.head.i < start or t.head.i >= end or t.head is t:
            return t
    return doc[end - 1]


def _np_tokens(head: Token) -> Iterable[Token]:
    yield head
    stack = list(head.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("conj", "cc", "acl", "acl:relcl", "relcl", "advcl", "punct", "appos", "ccomp", "parataxis"):
            continue
        yield t
        stack.extend(t.children)
