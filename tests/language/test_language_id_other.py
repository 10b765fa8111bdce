"""Language identification of a text in a language lagebild does not analyse: it is named
as that language (analysed with the English pipeline, W008), never forced onto the nearest of the ten languages
the detector used to know. Before: Indonesian was "pl", Romanian "en" (and then analysed
with the English pipeline), Czech "es", Finnish "fr", Arabic, Hebrew and Chinese "en".
German and English stay as they were, short ticker items included. Own sentences."""
import pytest

from lagebild.language import detect_language

OTHER = [
    ("id", "Pemerintah kota Bandung mengumumkan pada hari Senin bahwa jalan utama akan ditutup selama dua "
           "minggu untuk perbaikan. Warga diminta menggunakan rute alternatif."),
    ("tr", "Belediye başkanı pazartesi günü yaptığı açıklamada, şehir merkezindeki köprünün iki hafta boyunca "
           "onarım için kapatılacağını söyledi."),
    ("sv", "Kommunen meddelade på måndagen att huvudgatan stängs i två veckor för reparationer, och invånarna "
           "ombeds att välja andra vägar."),
    ("cs", "Starosta města v pondělí oznámil, že hlavní most bude kvůli opravám na dva týdny uzavřen a "
           "obyvatelé mají použít objížďku."),
    ("hu", "A polgármester hétfőn bejelentette, hogy a főutcát két hétre lezárják a javítások miatt, és a "
           "lakókat kerülőútra kérik."),
    ("ro", "Primarul a anunțat luni că strada principală va fi închisă două săptămâni pentru reparații, iar "
           "locuitorii trebuie să folosească alte rute."),
    ("da", "Borgmesteren meddelte mandag, at hovedgaden lukkes i to uger på grund af reparationer, og beboerne "
           "bedes bruge andre veje."),
    ("fi", "Pormestari ilmoitti maanantaina, että pääkatu suljetaan kahdeksi viikoksi korjausten vuoksi, ja "
           "asukkaita pyydetään käyttämään kiertotietä."),
    ("ar", "أعلن رئيس البلدية يوم الاثنين أن الشارع الرئيسي سيغلق لمدة أسبوعين بسبب أعمال الإصلاح."),
    ("he", "ראש העירייה הודיע ביום שני כי הרחוב הראשי ייסגר לשבועיים לצורך תיקונים."),
    ("zh", "市长周一宣布，主要街道将因维修关闭两周，居民需要绕行。"),
]


@pytest.mark.parametrize("lang,text", OTHER, ids=[o[0] for o in OTHER])
def test_other_language_is_named(lang, text):
    got, confidence = detect_language(text)
    assert got == lang and confidence >= 0.5


SUPPORTED = [
    ("de", "Die Landesregierung in Schwerin kündigte am Mittwoch an, die Förderung für kleine Häfen an der "
           "Ostseeküste zu verdoppeln."),
    ("en", "The county council in Norfolk said on Wednesday it would double its support for small harbours "
           "along the coast."),
    ("de", "Scholz traf Macron in Lyon."),  # a one-line ticker item: German by its lexicon
    ("en", "Harris met Tusk in Gdansk."),
    ("de", "Bahnstreik: Züge fallen aus"),
]


@pytest.mark.parametrize("lang,text", SUPPORTED, ids=[s[1][:24] for s in SUPPORTED])
def test_german_and_english_unchanged(lang, text):
    assert detect_language(text)[0] == lang


def test_other_language_document_says_which(monkeypatch):
    from lagebild.ingest import article_from_string
    from lagebild.pipeline import choose_language

    article = article_from_string(OTHER[5][1], published="2025-03-03")
    assert choose_language(article) == "en" and article.language == "ro"
    codes = [w[:6] for w in article.warnings]
    assert "[W008]" in codes and "[W007]" not in codes, article.warnings
