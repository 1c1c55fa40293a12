"""Exception tree of aggregator.

Every error the library raises on purpose derives from :class:`AggregatorError`; the CLI turns
it into one line on stderr and the exit code in ``exit_code`` (DESIGN.md: 2 bad input or usage,
3 PubMed unreachable or refusing after retries, 1 anything else)::

    AggregatorError                 exit 1
      InputError                    exit 2: bad input; names file, line or field
        QueryDefinitionError        bad file in queries/
        VocabularyError             bad vocabulary entry in queries/
        ParseError                  malformed PubMed XML / MEDLINE text; keeps PMID if known
        SubscriberError             bad subscriber file
      EutilsError                   exit 3
        EutilsHTTPError             non-2xx after retries; keeps status and URL (key redacted)
        EutilsResponseError         <ERROR> inside a 200 body, or a body that is not what was asked
        EutilsUnavailable           PubMed unreachable (connection refused, DNS, timeouts)
        EutilsCountMismatch         ids received do not add up to esearch's Count
      StoreError                    exit 1
        StoreLockedError            another run holds the store's lock
      MailError                     exit 1

Example::

    try:
        ...
    except AggregatorError as exc:
        sys.exit(exc.exit_code)
"""

from __future__ import annotations

from pathlib import Path


class AggregatorError(Exception):
    """Base of every error aggregator raises on purpose."""

    exit_code = 1


class InputError(AggregatorError):
    """Bad input given by the user: a file, an option, a value. Exit code 2.

    :param message: what is wrong.
    :param path: the file concerned, if any.
    :param line: 1-based line in that file, if known.
    :param field: the field or key concerned, if any.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.field:
            where += f"{self.field}: "
        return f"{where}{self.message}"


class QueryDefinitionError(InputError):
    """A query file in ``queries/`` is malformed or invalid."""


class VocabularyError(InputError):
    """A vocabulary entry (conditions, routes, designs) is malformed or invalid."""


class ParseError(InputError):
    """Malformed PubMed XML or MEDLINE text.

    :param pmid: the PMID of the record being read, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        pmid: str | None = None,
    ) -> None:
        self.pmid = pmid
        super().__init__(message, path=path, line=line, field=field)

    def __str__(self) -> str:
        text = super().__str__()
        if self.pmid:
            text += f" (PMID {self.pmid})"
        return text


class SubscriberError(InputError):
    """The digest subscriber file is malformed or invalid."""


class EutilsError(AggregatorError):
    """NCBI E-utilities could not give what was asked. Exit code 3."""

    exit_code = 3


class EutilsHTTPError(EutilsError):
    """A non-2xx answer that retries did not cure.

    :param status: the HTTP status code.
    :param url: the URL asked, with the API key redacted.
    """

    def __init__(self, message: str, *, status: int | None = None, url: str | None = None) -> None:
        self.status = status
        self.url = url
        super().__init__(message)


class EutilsResponseError(EutilsError):
    """An error reported inside an HTTP 200 body (``<ERROR>``, ``ErrorList``), or a body that
    is empty, truncated or not the document asked for, after retries."""


class EutilsUnavailable(EutilsError):
    """PubMed could not be reached at all (refused, DNS failure, timeouts) after retries."""


class EutilsCountMismatch(EutilsError):
    """The ids received for a query do not add up to the ``Count`` esearch reported."""


class StoreError(AggregatorError):
    """The SQLite store is unusable or an operation on it failed."""


class StoreLockedError(StoreError):
    """Another run holds the store's write lock."""


class MailError(AggregatorError):
    """Building or sending a digest e-mail failed."""
