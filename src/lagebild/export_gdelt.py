"""Incidents as a GDELT 2.0 event table: tab-separated, no header, the 61 columns of the
GDELT 2.0 Event Database in GDELT's order (GDELT Event Codebook V2.0), one row per
incident, so that tooling written for GDELT's ``*.export.CSV`` files reads lagebild's.

What lagebild fills and how (empty where lagebild has no such information):

* ``GLOBALEVENTID``: the first 15 hex digits of the incident id as an integer (stable
  across exports of the same data);
* ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the incident's day
  (``FractionDate`` = year + day of year / 365, as GDELT computes it, held below the next
  year as GDELT's codebook gives its range, 0 to 0.9999: :func:`fraction_date`). A GDELT consumer
  reads ``SQLDATE`` as an integer and never finds it empty; GDELT itself dates an event
  by the article that reports it unless the text says otherwise. lagebild does the same:
  the date the text states, else the publication date of the first report, else the day
  that report was ingested (a document without a publication date). GDELT's table has no
  column that says which; ``--table incidents`` has it as ``data.date_basis``
  (``stated``/``published``/``ingested``, :func:`lagebild.incidents.date_basis`);
* actors: ``Code`` = lagebild's CAMEO-style actor code (``RUSGOV``), ``Name`` = the
  actor's name upper-cased (as GDELT writes names), ``CountryCode`` = its ISO 3166
  alpha-3 country (CAMEO country codes are these), ``Type1Code`` = the agent part of the
  code (``GOV``); known-group, ethnic and religion codes stay empty. A provisional actor
  (one the KB does not know) is written as the incident's reports coded it
  (``document_actors``: a person "von der Polizei" of the country the article is about is
  that country's COP there), not with its stored record, which keeps only what later
  documents may learn (:func:`reported_codes`);
* ``IsRootEvent``: 1 when a mention is in the lead paragraph of its article;
* ``EventCode``/``EventBaseCode``/``EventRootCode``, ``QuadClass``, ``GoldsteinScale``;
* ``NumMentions``/``NumSources``/``NumArticles``: the incident's counts;
* ``AvgTone``: empty (lagebild does not score tone);
* geography: ``ActionGeo_FullName`` = the event's place, ``Type`` 1 for a country and
  4 for a city or region (GDELT's "world city"/"world state" split is not made),
  ``FeatureID`` = the GeoNames id where the KB has it; GDELT's FIPS country/ADM codes
  and coordinates are left empty (the KB has no FIPS codes or coordinates);
* ``DATEADDED``: ``first_seen`` as ``YYYYMMDD000000``; ``SOURCEURL``: the URL (or the
  source path) of the first document that reported the incident.

Text cells (names, places, ``SOURCEURL``) that begin with ``= + - @`` get a leading single
quote against spreadsheet formula injection (:mod:`lagebild.csvsafe`).

Only incidents that happened as reported are written: modality "asserted" or "reported"
and not negated. GDELT's table has no modality or negation column, so a consumer would
read "Putin will probably meet Trump in 2030" (predicted), a threatened attack or "Russia
did not attack" as an event that took place (PRODUCT.md names exactly this as a GDELT
fault). The threat or demand itself is an event of its own (a speech act, CAMEO 13/10,
asserted) and is written. :func:`left_out` counts what was not written; the incidents
table (``--table incidents``) keeps everything.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .csvsafe import neutralise
from .datafiles import data_path, iter_tsv

GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_EVENT_COLUMNS) == 61


# the columns that hold text from the documents (names, places, the URL or source path):
# a cell there that begins with = + - @ gets a leading quote (lagebild.csvsafe; GDELT's
# files are opened in spreadsheets too); codes, counts and scores are never touched
_TEXT = frozenset(GDELT_EVENT_COLUMNS.index(c) for c in (
    "Actor1Name", "Actor2Name", "Actor1Geo_FullName", "Actor2Geo_FullName", "ActionGeo_FullName", "SOURCEURL"))

# the modalities of events that took place as the text reports them
FACTUAL = ("asserted", "reported")



def fraction_date(day: date) -> str:
    """GDELT's ``FractionDate`` of ``day`` as text with four decimals: the year plus the
    day of the year / 365, as GDELT computes it (2025-04-01 -> ``2025.2493``). GDELT's
    codebook (GDELT 1.0/2.0 event codebook, "FractionDate") gives the fraction's range as
    0 to 0.9999, so the last day of a year (day 365, and day 366 of a leap year, which the
    plain formula puts at ``.0000``/``.0027`` of the next year) is ``YYYY.9999``: the
    integer part is always ``Year``, and sorting by it never puts 31 December after 1
    January of the next year."""
    return f"{day.year + min(day.timetuple().tm_yday / 365, 0.9999):.4f}"

def _factual(inc: Dict[str, Any]) -> bool:
    return (inc["modality"] or "asserted") in FACTUAL and not inc["negated"]


def left_out(store: Any) -> Dict[str, int]:
    """The incidents of ``store`` that the GDELT export does not write, counted by why:
    their modality ("predicted": 3) or "negated"; empty when every incident is written."""
    out: Dict[str, int] = {}
    for inc in store.query("SELECT modality, negated FROM incidents"):
        if not _factual(inc):
            why = "negated" if inc["negated"] else str(inc["modality"])
            out[why] = out.get(why, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def _geonames() -> Dict[str, str]:
    out: Dict[str, str] = {}
    for name in ("cities.tsv", "places.tsv", "regions.tsv"):
        for row in iter_tsv(data_path("kb", name), required=("id",)):
            if row.get("geonameid"):
                out[row["id"]] = row["geonameid"]
    return out


def _clean(value: Any) -> str:
    """A TSV cell: no tabs or line breaks inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").split())


def _actor_cells(actor: Optional[Dict[str, Any]], actor_id: Optional[str]) -> List[str]:
    if not actor_id:
        return [""] * 10
    actor = actor or {}
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    agent = code[len(country):] if country and code.startswith(country) and len(code) > len(country) else ""
    name = (actor.get("name") or actor_id).upper()
    return [code, name, country, "", "", "", "", agent[:3], agent[3:6], agent[6:9]]


def reported_codes(store: Any) -> Dict[Tuple[str, str], Tuple[str, Optional[str]]]:
    """``(doc_id, actor_id) -> (code, country)`` for every provisional actor that a document
    coded (``document_actors.code``). A provisional actor's row in ``actors`` is the record
    later documents learn, without the codes a text gave only weakly (migration
    ``006_learnt_records``, session 30); each document's own code is kept per document."""
    return {
        (r["doc_id"], r["actor_id"]): (r["code"], r["country"])
        for r in store.query(
            "SELECT da.doc_id, da.actor_id, da.code, da.country FROM document_actors da "
            "JOIN actors a ON a.id = da.actor_id WHERE a.provisional AND da.code IS NOT NULL"
        )
    }


def _as_reported(actor: Optional[Dict[str, Any]], actor_id: Optional[str], side: str, mentions: Sequence[Dict[str, Any]],
                 order: Dict[str, Tuple], codes: Dict[Tuple[str, str], Tuple[str, Optional[str]]]) -> Optional[Dict[str, Any]]:
    """``actor`` (a row of ``actors``) with the code and country of the first report (in
    :func:`_first_report`'s order) that coded it on ``side`` ("source"/"target") of one of
    the incident's ``mentions``, where the stored row is provisional and has no code;
    otherwise ``actor`` unchanged."""
    if actor is None or not actor.get("provisional") or actor.get("code") or not actor_id:
        return actor
    docs = sorted({m["doc_id"] for m in mentions if m.get(side) == actor_id and (m["doc_id"], actor_id) in codes},
                  key=lambda d: order.get(d, (True, "", 0, d)))
    if not docs:
        return actor
    code, country = codes[(docs[0], actor_id)]
    return {**actor, "code": code, "country": country or actor.get("country")}


def _geo_cells(place: Optional[str], actor: Optional[Dict[str, Any]], geonames: Dict[str, str]) -> List[str]:
    if not place:
        return ["0", "", "", "", "", "", "", ""]
    kind = "1" if actor and actor.get("id") == actor.get("country") else "4"
    feature = geonames.get(actor.get("id", "")) if actor else None
    return [kind, place, "", "", "", "", "", feature or ""]


def _report_order(row: Dict[str, Any]) -> Tuple:
    """Sort key of a ``documents`` row (id, published, seq): who reported first."""
    return (row["published"] is None, str(row["published"] or "")[:10], row["seq"] or 0, row["id"])


def _first_report(store: Any, event_ids: List[str]) -> str:
    """The URL (else the source path) of the document that reported the incident first:
    the earliest publication date, then the earliest stored (``seq``); documents without
    a date come last. (The event ids are in document-id order, which says nothing about
    who reported first.)"""
    doc_ids = sorted({e.rsplit(":", 1)[0] for e in event_ids if e})
    if not doc_ids:
        return ""
    rows = store.query(
        f"SELECT id, url, source, published, seq FROM documents WHERE id IN ({', '.join('?' * len(doc_ids))})",
        doc_ids,
    )
    if not rows:
        return ""
    first = min(rows, key=_report_order)
    return first["url"] or first["source"] or ""


def gdelt_rows(store: Any) -> List[List[str]]:
    """The rows (61 strings each) for the incidents currently in ``store`` that took place
    as reported (see the module docstring; :func:`left_out` counts the others)."""
    actors = {r["id"]: r for r in store.query("SELECT id, name, type, country, code, provisional FROM actors")}
    codes = reported_codes(store)
    order = {
        r["id"]: _report_order(r)
        for r in store.query("SELECT id, published, seq FROM documents")
    } if codes else {}
    by_name = {str(r["name"]).lower(): r for r in actors.values() if r["type"] in ("GPE", "LOC") and r["name"]}
    geonames = _geonames()
    rows: List[List[str]] = []
    for inc in store.query("SELECT * FROM incidents ORDER BY date NULLS LAST, id"):
        if not _factual(inc):
            continue
        day = inc["date"] or inc["first_seen"]  # never empty where a report has a date (see above)
        if isinstance(day, str):
            day = date.fromisoformat(day[:10])
        url = _first_report(store, inc["event_ids"] or [])
        data = store.backend.load_json(inc["data"]) or {}
        reported = data.get("mentions") or []
        cameo = str(inc["cameo"] or "")
        first_seen = inc["first_seen"]
        if isinstance(first_seen, str):
            first_seen = date.fromisoformat(first_seen[:10])
        place_actor = by_name.get(str(inc["location"]).lower()) if inc["location"] else None
        row: List[str] = [
            str(int(inc["id"][:15], 16)),
            day.strftime("%Y%m%d") if day else "",
            day.strftime("%Y%m") if day else "",
            str(day.year) if day else "",
            fraction_date(day) if day else "",
            *_actor_cells(_as_reported(actors.get(inc["source"]), inc["source"], "source", reported, order, codes), inc["source"]),
            *_actor_cells(_as_reported(actors.get(inc["target"]), inc["target"], "target", reported, order, codes), inc["target"]),
            "1" if data.get("is_root_event") else "0",
            cameo, cameo[:3], cameo[:2],
            "" if inc["quad_class"] is None else str(inc["quad_class"]),
            "" if inc["goldstein"] is None else f"{float(inc['goldstein']):.1f}",
            str(inc["num_mentions"]), str(inc["num_sources"]), str(inc["num_documents"]),
            "",
            *_geo_cells(None, None, geonames),  # Actor1Geo: lagebild does not place actors
            *_geo_cells(None, None, geonames),  # Actor2Geo
            *_geo_cells(inc["location"], place_actor, geonames),
            first_seen.strftime("%Y%m%d000000") if first_seen else "",
            url or "",
        ]
        rows.append([neutralise(_clean(c)) if i in _TEXT else _clean(c) for i, c in enumerate(row)])
    return rows


def export_gdelt(store: Any, out: Path, table: str = "incidents") -> int:
    """Write the incidents of ``store`` to ``out`` as GDELT 2.0 event TSV (no header);
    returns the number of rows. ``table`` is accepted for the exporter signature and
    must be ``incidents`` (or the default ``documents`` of the CLI)."""
    rows = gdelt_rows(store)
    with Path(out).open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            assert len(row) == 61
            fh.write("\t".join(row) + "\n")
    return len(rows)
