"""Numbered messages and named exceptions.

Every message starts with its code (``[E001]``) so users can search for it. Library code
raises or records these; only the CLI prints.
"""
from __future__ import annotations


import re

_URL_PASSWORD = re.compile(r"(?i)\b((?:postgres|postgresql)(?:\+\w+)?://[^\s:/@]*):[^\s@]*@")


def redact_db(db: object) -> str:
    """``db`` as it may be shown: the password of a ``postgresql://user:password@host/…``
    URL becomes ``***`` (messages end up in terminals, logs and screenshots; libpq also
    reads the password from $PGPASSWORD or ~/.pgpass, which keeps it out of the URL)."""
    return _URL_PASSWORD.sub(r"\1:***@", str(db))


class _Message(str):
    """A coded message whose ``format`` never shows a database URL's password."""

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        if "db" in kwargs:
            kwargs["db"] = redact_db(kwargs["db"])
        return str.format(self, *args, **kwargs)


class _Coded(type):
    def __getattribute__(cls, name: str) -> str:
        value = type.__getattribute__(cls, name)
        if name.startswith(("E", "W")) and name[1:].isdigit():
            return _Message(f"[{name}] {value}")
        return value


class Errors(metaclass=_Coded):
    E001 = "Input is empty: {path}"
    E002 = "Input looks binary (NUL bytes or too many control characters): {path}"
    E003 = "Input is not valid text in any supported encoding: {path}"
    E004 = "Input is too large ({size} bytes, limit {limit}): {path}"
    E159 = "Input is too large once decompressed (more than {limit} bytes, the limit; {size} bytes compressed): {path}"
    E005 = "No readable article text could be extracted: {path}"
    E006 = "Unknown input format {fmt!r} for {path}"
    E007 = "Path does not exist: {path}"
    E008 = "Invalid JSON on line {line} of {path}: {msg}"
    E009 = "JSON object on line {line} of {path} has no article text: 'text' and 'html' are missing, empty or blank"
    E010 = "Data file error in {path}, line {line}: {msg}"
    E011 = "No document with id {id!r} in {db}"
    E012 = "Unknown export format {fmt!r}; choose one of {choices}"
    E013 = "Cannot load language model {name!r}: {msg}"
    E014 = "Unsupported language {lang!r}; supported: {supported}"
    E015 = "The database {db} cannot be opened: {msg}"
    E016 = "Feed could not be parsed: {path}: {msg}"
    E017 = "WARC file could not be read: {path}: {msg}"
    # forecast resolution and scorecards (E13x)
    E130 = "{value!r} is not a {what} id (expected <document id>:<f|e><index>, e.g. {example})"
    E131 = "No forecast {id!r} in {db}"
    E132 = "No event {id!r} in {db}"
    E133 = "Unknown outcome {value!r}; choose one of {choices}"
    E134 = "Forecast {id!r} has no decision to undo"
    E135 = "Plot path {path!r} must end in .png or .svg"
    E136 = ("Forecast {id!r} was decided meanwhile: its current decision is {current}, not {seen}; "
            "look at it again (`lagebild resolve {id}`) and decide again")
    # serve (E5xx)
    E501 = "{db} holds no lagebild store ({msg}); fill it with `lagebild ingest … --db {db}` first"
    # ingest hardening (E15x: readers, decoding, records)
    E150 = "Invalid record on line {line} of {path}: {msg}"
    E151 = "Line {line} of {path} is longer than {limit} bytes; that record is skipped"
    E152 = "Compressed stream is truncated or corrupt after {done} complete record(s): {path}: {msg}"
    E153 = "Not a news feed (XML root element <{root}>): {path}"
    E154 = "Not a WARC file (no 'WARC/' version line at the start): {path}"
    E155 = "Text has no visible characters (only whitespace, zero-width or control characters): {path}"
    E160 = ("Text has no words (no letter or digit; only emoji, symbols or punctuation), so there is nothing "
            "to analyse: {path}")
    E161 = "Cannot read {path}: {msg}; nothing in it was analysed (check that this user may read it)"
    E156 = "Unexpected error while reading {path}: {kind}: {msg}"
    E157 = "WARC record is truncated ({got} of {expected} bytes): {path}"
    E158 = "WARC file ends inside the header of the record at byte {offset}; the {done} complete record(s) before it are kept: {path}"
    # store and CLI (E04x)
    E040 = "No database at {db}; check --db (or $LAGEBILD_DB), or create one with `lagebild ingest FILES --db {db}`"
    E041 = ("The database {db} is locked by another process ({holder}); waited {wait:g} s. DuckDB lets no "
            "other process in while one writes, and no writer in while one reads (a running `lagebild serve` "
            "too). Try again when it has finished, or stop it, or raise $LAGEBILD_LOCK_WAIT (seconds)")
    E042 = "Id prefix {id!r} is ambiguous in {db}: it matches {ids}"
    E043 = "Could not store document {id} ({source}): {msg}; the document was rolled back, the batch goes on"
    E044 = "Unknown table {table!r}; choose one of {choices}"
    E045 = "Cannot write {path}: {msg}"
    E046 = ("--format gdelt writes incidents, one GDELT 2.0 event row each; --table {table} cannot be "
            "written in it: drop --table, or give --table incidents")
    E047 = ("{path} is not the Parquet output of `lagebild ingest --engine ray --out` ({why}); nothing was "
            "stored. `lagebild export --format parquet` writes one flat table for analysis, not for loading "
            "back: to move documents between stores, `lagebild export docs.jsonl` and `lagebild ingest docs.jsonl`")
    E048 = ("{path} is a Parquet file, not an article: `lagebild ingest` reads text, HTML, JSON Lines, feeds "
            "and WARC; the Parquet output of `ingest --engine ray --out` is loaded with `lagebild load-parquet`")
    E049 = ("{path} is a table (CSV/TSV), not an article: read as text it would be one document of every "
            "row run together. Write one JSON object per article and line ({{\"text\": …, \"title\": …, "
            "\"published\": …}}) and ingest that .jsonl file, or give --input-format text to read the "
            "file as one plain text anyway")
    E050 = ("Cannot tell the export format from the name {path} ({suffix!r}): give --format jsonl, csv, "
            "parquet or gdelt (GDELT's tab-separated event table), or name the file .jsonl, .csv or .parquet")
    E051 = ("Cannot serve on {host}:{port}: {msg} (another `lagebild serve`, or another program, may "
            "hold the port); choose another with --port")
    E052 = "$LAGEBILD_MAX_CHARS must be a whole number of characters (0: no limit), not {value!r}"
    E053 = ("{db} is not a DuckDB database: it is {kind}. Check --db (or $LAGEBILD_DB): a lagebild store "
            "is a .duckdb file written by `lagebild ingest --db FILE`, or a postgresql:// URL")
    E054 = ("The folder {folder} does not exist, so {path} cannot be written: lagebild creates files, not "
            "folders (a mistyped folder would otherwise become a new one). Check the path, or create the "
            "folder first (mkdir -p {folder})")
    E055 = ("{path} is a DuckDB database, not an article: a lagebild store is read with `lagebild documents`, "
            "`show` or `export --db {path}`; `export` writes JSON Lines that `ingest` reads back")
    E056 = ("The Ray run failed ({kind}: {msg}); Ray's own messages of this quiet run are in {log} "
            "(run without --quiet to see them as they come)")
    # accurate pipeline: e5 encoder (E17x)
    E057 = ("The PostgreSQL database refused this role: {msg}. A role that ingests or decides needs SELECT, "
            "INSERT, UPDATE and DELETE on lagebild's tables (GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES "
            "IN SCHEMA public TO the_role); the first run on an empty database also needs CREATE on its schema "
            "(PostgreSQL 15 and later give it to the database's owner only: CREATE DATABASE news OWNER the_role, "
            "or GRANT CREATE ON SCHEMA public TO the_role); reading commands and the workbench need SELECT")
    E058 = "Not added to the user knowledge base: {id}: {msg}"
    E170 = ("The accurate pipeline needs the [encoder] extra ({missing} not installed): in the lagebild "
            "checkout, `pip install torch --index-url https://download.pytorch.org/whl/cpu` (CPU torch) "
            "then `pip install -e '.[encoder]'`; or use --pipeline fast")
    E171 = "Unknown pipeline {name!r} (--pipeline / LAGEBILD_PIPELINE); choose one of {choices}"
    E172 = "No accurate pipeline heads for language {lang!r} ({path} missing); use --pipeline fast"


class Warnings(metaclass=_Coded):
    W001 = "Implausible publication date {raw!r} (after {limit}); kept as raw text only"
    W002 = "Unparseable publication date {raw!r}; kept as raw text only"
    W003 = "Text was cut to {limit} characters; the result is partial"
    W004 = "Input had undecodable bytes; they were replaced"
    W005 = "HTML looks truncated (no closing </html>); the result may be partial"
    W006 = "No trained pipeline for {lang!r}; using a blank tokenizer and sentencizer only"
    W007 = "Language could not be identified reliably; assumed {lang!r}"
    W008 = ("Language {lang!r} has no pipeline (German and English do); analysed with the English one, so its "
            "actors, events, statements and forecasts are unreliable")
    # ingest hardening (W15x)
    W150 = "{count} NUL or control character(s) removed from {field}"
    W151 = "No publication date found; roles and relative dates are resolved at the time of analysis ({today})"
    W152 = "Field {field!r} coerced: {msg}"
    W153 = "{count} invalid character(s) (lone surrogates) replaced in {field}"
    W154 = "Symbolic link points outside the folder and is not followed: {path} -> {target}"
    W155 = "Long text ({chars} characters) analysed in {windows} windows of paragraphs; mentions of a name introduced in an earlier window may be missed"
    W156 = "Input was mostly UTF-8; {count} undecodable byte(s) were replaced with U+FFFD"
    W157 = "Compressed input is truncated; the text read before the cut is kept and the result is partial: {msg}"
    W158 = "Feed is not well-formed XML ({msg}); its entries were read leniently and one may be cut or missing"
    # events (W2xx)
    W201 = "Event coding needs a dependency parse; the {lang!r} pipeline has none, so no events were coded"
    # W3xx statements/forecasts
    W301 = "No statement lexicons for {lang!r} (data/{lang}/speech_verbs.tsv …); no statements are extracted"
    W302 = "No forecast lexicons for {lang!r} (data/{lang}/forecast_cues.tsv, wep.tsv); no forecasts are extracted"
    # accurate pipeline (W17x)
    W170 = "No accurate-pipeline heads for {lang!r} ({parts}); {parts} from the fast pipeline"
    # forecast decisions (W13x)
    W135 = ("{id}: decided 'false' on {today}, before its horizon ends ({end}): it can still come true; "
            "the scorecards count it as a miss now (undo: lagebild resolve {id} --undo)")
    # re-ingest (W16x)
    W160 = ("{source}: the text changed since it was stored as document {old}; the new version is stored as "
            "{new} and the earlier one is kept (both count in incidents and scorecards)")
    W163 = ("Unexpected bytes at byte {offset} of {path}, after the end the WARC record before them "
            "declares: its Content-Length is probably too short and that record may be cut")
    W164 = ("{path}@{offset}: the WARC record's Content-Length ({declared} bytes) is too long: {where}; "
            "the record was read up to there and the record after it is kept")
    W162 = ("Text of {chars} characters is longer than the analysis limit: only its first {analysed} "
            "characters were analysed (actors, events, statements and forecasts after them are missing) "
            "and the result is partial; the whole text is stored. $LAGEBILD_MAX_CHARS sets the limit "
            "(0: none; about 3.5 CPU s per 1,000 sentences)")
    W165 = ("Ambiguous publication date {raw!r}: read in US order (month/day) as {date}; if the source "
            "writes day/month, give the date as ISO (2025-03-02) or pass published=")
    W166 = ("{count} HTML tag(s) or hidden element(s) removed from plain text (article text is never markup); "
            "JSON Lines records with HTML belong in the \"html\" field")
    W167 = ("The feed is UTF-8 with {count} byte(s) in another encoding (entries of mixed encodings): those "
            "bytes were read as Windows-1252, so a Latin-1 entry keeps its umlauts; check the entry's text")
    W168 = ("{count} bidirectional embedding/override/isolate control(s) (U+202A-U+202E, U+2066-U+2069) "
            "removed from {field}: they make text display in another order than it is stored and analysed")
    W161 = ("{source}: the same document as {first} earlier in this run (same text and title, id {id}); "
            "it is stored once, under the later source")


class LagebildError(Exception):
    """Base class of all lagebild errors."""


class BadInputError(LagebildError):
    """A document that cannot be turned into an article (empty, binary, ...)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class DataFileError(LagebildError):
    """A lexicon/pattern/KB file with an invalid line; carries the file and line."""

    def __init__(self, path: str, line: int, msg: str) -> None:
        super().__init__(Errors.E010.format(path=path, line=line, msg=msg))
        self.path = path
        self.line = line


class NotFoundError(LagebildError):
    """A requested record does not exist in the store."""


class DatabaseLockedError(LagebildError):
    """Another process holds the (single-writer) DuckDB file."""


class ModelError(LagebildError):
    """A language pipeline could not be loaded."""
