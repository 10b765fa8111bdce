"""English sentence boundaries without punctuation (session 29, issue 10).

Web English (e-mails, reviews, forum posts; UD English EWT) often ends a sentence with no
full stop. The sentence guard used to forbid every start that did not follow punctuation or
a line break; in English it now lets the parser start a sentence before a capitalised word
after a word that can end one, and starts one itself before a capitalised opener
("We", "Please", "The waiter") after a lower-case word (data/language/sentence_openers_en.tsv).
German and punctuated news keep their boundaries. All sentences are written for this test.
"""
import pytest
from spacy.tokens import Doc

from lagebild.language import sentences

# text with " | " where a sentence must begin; rows without " | " are one sentence
WEB = [
    ("pronoun after a verb", "Thanks for the quick reply | We will send the forms on Monday"),
    ("question opener", "The printer on the third floor is broken again | Can someone call the repair desk"),
    ("article before a lower-case noun", "I loved the soup here | The waiter was friendly too"),
    ("pronoun after an adverb", "Our dog barked all night | We could not sleep at all"),
    ("request after a number", "The shop is open until 9pm | Please ring the bell at the back door"),
    ("thanks after a noun", "the heater in room four still leaks | Thanks for looking into it"),
    ("possessive after an adjective", "the new menu looks great | My kids loved the pancakes"),
    ("demonstrative after a noun", "we tried the lake trail last weekend | This was the best hike of the summer"),
    ("after an emoticon", "the cake was great :) | See you on Sunday"),
    ("after a letter closing", "Kind regards, | Maya Lindqvist"),
    ("after a salutation", "Dear Omar, | Thank you for the photos from the trip"),
    ("pronoun after a name", "I sent the invoice yesterday Paul Grant | They have not paid yet"),
]
NEWS = [
    ("role and name", "Prime Minister Ana Lopez visited the flooded villages on Friday."),
    ("said with a weekday", "Rebels attacked a convoy near Kandor, the army said Thursday."),
    ("name after a verb", "Police arrested Victor Hale in Marseille after a two-week search."),
    ("title before a name", "The company hired former senator Lewis Grant as an adviser."),
    ("article begins a name", "Delegates flew to The Hague on Monday to sign the treaty."),
    ("newspaper title", "He told The Herald that the mine would close next year."),
    ("pronoun after a verb, lower case", "The minister said we would see lower prices by spring."),
    ("the pronoun I", "She asked whether I had seen the report before it was published."),
    ("two punctuated sentences", "The bridge reopened on Sunday. | Traffic was light in the morning."),
    ("role noun before a name", '"The reef is recovering slowly," the marine biologist Tomas Berg told a radio station.'),
    ("product name", "The store cut the price of its sturdy Trail Runner boots by a third."),
    ("deputy and name", "Farmers in the south welcomed the decision of agriculture minister Wang Li on Monday."),
    ("title-case role run", "Acting Fire Commissioner Dana Ruiz warned residents to keep their windows shut."),
    ("article begins a name after a pronoun", "The band called itself The Night Owls in its first year."),
    ("split-off rank abbreviations", "Lt. Gen. Omar Haddad told reporters the base would reopen."),
    ("title abbreviations", "Sen. Arthur Bell and Rep. Nina Sosa met with farmers in the valley."),
]


@pytest.fixture(scope="module")
def nlp():
    from lagebild.pipeline import load

    return load("en")


def _expected(marked):
    text = marked.replace(" | ", " ")
    starts, pos = [], 0
    for part in marked.split(" | "):
        starts.append(pos)
        pos += len(part) + 1
    return text, starts


@pytest.mark.parametrize("kind,marked", WEB + NEWS, ids=[k for k, _ in WEB + NEWS])
def test_english_sentence_starts(nlp, kind, marked):
    text, starts = _expected(marked)
    doc = nlp(text)
    assert [s.start_char for s in doc.sents] == starts, [s.text for s in doc.sents]


@pytest.mark.parametrize("prev,word,nxt,expected", [
    ("late", "We", "asked", True),
    ("9pm", "Please", "call", True),
    ("cold", "The", "heating", True),
    ("to", "The", "Hague", False),       # "The" only before a lower-case word
    ("Tom", "We", "will", False),        # a capitalised previous word: left to the parser
    ("day", "I", "left", False),         # "I" is always capitalised
    ("late", "Nobody", "came", False),   # not an opener
    ("late,", "We", "asked", False),     # punctuation: not this rule's business
])
def test_forced_start_rule(prev, word, nxt, expected):
    assert sentences.en_forced_start(prev, word, nxt) is expected


def _doc(lang, words, pos):
    import spacy

    return Doc(spacy.blank(lang).vocab, words=words, pos=pos)


def test_guard_allows_unpunctuated_start_in_english_only():
    words = ["the", "rooms", "were", "clean", "Sadly", "breakfast", "was", "cold"]
    pos = ["DET", "NOUN", "AUX", "ADJ", "ADV", "NOUN", "AUX", "ADJ"]
    en = _doc("en", words, pos)
    sentences.sentence_guard(en)
    assert en[4].is_sent_start is None  # the parser decides
    de = _doc("de", words, pos)
    sentences.sentence_guard(de)
    assert de[4].is_sent_start is False  # German unchanged


@pytest.mark.parametrize("words,pos", [
    (["near", "the", "Station"], ["ADP", "DET", "PROPN"]),                # after an article
    (["flights", "to", "Lima"], ["NOUN", "ADP", "PROPN"]),                 # after a preposition
    (["minister", "Carla", "Mendes"], ["NOUN", "PROPN", "PROPN"]),         # inside a name
    (["we", "and", "They"], ["PRON", "CCONJ", "PRON"]),                    # after a conjunction
])
def test_guard_keeps_forbidding_where_a_sentence_cannot_end(words, pos):
    doc = _doc("en", words, pos)
    sentences.sentence_guard(doc)
    assert doc[2].is_sent_start is False
    assert sentences.may_start_sentence(doc, 2) is False


def _tagged(words, pos):
    doc = _doc("en", words, pos)
    return list(doc), words


@pytest.mark.parametrize("words,pos,i,expected", [
    (["great", ":)", "See"], ["ADJ", "PUNCT", "VERB"], 2, True),                # emoticon
    (["regards", ",", "Maya"], ["NOUN", "PUNCT", "PROPN"], 2, True),            # closing
    (["Omar", ",", "Thank", "you"], ["PROPN", "PUNCT", "VERB", "PRON"], 2, True),  # salutation
    (["Lima", ",", "Peru"], ["PROPN", "PUNCT", "PROPN"], 2, False),             # place, country
    (["____", "Maya"], ["SYM", "PROPN"], 1, True),                              # rule of symbols
    (["____", "____"], ["SYM", "SYM"], 1, False),                               # inside the rule
    (["biologist", "Tomas"], ["NOUN", "PROPN"], 1, False),                      # role noun + name
    (["Grant", "They", "have"], ["PROPN", "PRON", "AUX"], 1, True),             # name ends it
    (["Chen", "He", ","], ["PROPN", "PRON", "PUNCT"], 1, False),                 # pronoun-like name
    (["Harbor", "Watch", "Office"], ["PROPN", "VERB", "PROPN"], 1, False),     # title case
    (["itself", "The", "Golden"], ["PRON", "DET", "PROPN"], 1, False),          # article + name
    (["itself", "The", "bakery"], ["PRON", "DET", "NOUN"], 1, True),
])
def test_english_start_rules(words, pos, i, expected):
    toks, texts = _tagged(words, pos)
    assert sentences.en_may_start(toks, texts, i) is expected


@pytest.mark.parametrize("word,expected", [
    ("Gen.", True), ("Lt.", True), ("Gov.", True), ("K.", True),   # titles, an initial
    ("Inc.", False), ("p.m.", False), ("U.S.", False), ("said.", False),
])
def test_no_end_words(word, expected):
    assert sentences.en_no_end_word(word) is expected


@pytest.mark.parametrize("lang,forbidden", [("en", True), ("de", False)])
def test_guard_forbids_a_start_after_a_split_off_rank_abbreviation(lang, forbidden):
    import spacy

    words = ["Lt", ".", "Gen", ".", "Omar", "Haddad", "spoke", "."]
    spaces = [False, True, False, True, True, True, False, False]
    doc = Doc(spacy.blank(lang).vocab, words=words, spaces=spaces,
              pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"])
    sentences.sentence_guard(doc)
    assert (doc[2].is_sent_start is False and doc[4].is_sent_start is False) is forbidden
    assert sentences.may_start_sentence(doc, 2) is not forbidden


def test_opener_file_rejects_an_unknown_condition(tmp_path, monkeypatch):
    from lagebild.datafiles import DataFileError

    bad = tmp_path / "language"
    bad.mkdir()
    (bad / "sentence_openers_en.tsv").write_text("word\tnext\nWe\tupper\n", encoding="utf-8")
    monkeypatch.setattr(sentences, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    sentences.en_sentence_openers.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 2"):
            sentences.en_sentence_openers()
    finally:
        sentences.en_sentence_openers.cache_clear()
