"""Answer searches from the database backend when Elasticsearch is down.

``.search()`` is lazy: an unreachable Elasticsearch raises only when the results are
evaluated (``list``, ``len``, ``count()``, ``facet()``), as
``elastic_transport.TransportError`` (connection refused, timeout) or
``elasticsearch.ApiError`` (e.g. the index does not exist yet), which are not subclasses
of each other. :func:`search_with_fallback` therefore takes the evaluation as a callable
and runs it again on the fallback backend (``"database"``) when the first one fails::

    hits = search_with_fallback(CaseStudyPage.objects.live(), "Wohngeld",
                                evaluate=lambda r: list(r[:20]))
    counts = search_with_fallback(qs, q, evaluate=lambda r: r.facet("land_id"))

After a failure the primary backend is skipped for ``cooldown`` seconds (default 30), so
a hanging node costs one timeout, not one per request. Indexing needs no wrapper:
modelsearch catches and logs Elasticsearch errors on save (publishing succeeds), and
``manage.py update_index`` brings the index back in line once the node is up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from modelsearch.backends import InvalidSearchBackendError

logger = logging.getLogger(__name__)

DEFAULT_COOLDOWN = 30.0  # seconds the failed backend is skipped

_lock = threading.Lock()
_down_until: dict[str, float] = {}


def search_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "this search backend cannot answer"."""
    errors: list[type[BaseException]] = []
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:  # no Elasticsearch client installed
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)
    except ImportError:
        pass
    return tuple(errors)


def reset() -> None:
    """Forget every recorded failure (tests; after an operator fixed the node)."""
    with _lock:
        _down_until.clear()


def is_down(backend: str) -> bool:
    with _lock:
        until = _down_until.get(backend)
        if until is None:
            return False
        if time.monotonic() >= until:
            del _down_until[backend]
            return False
        return True


def _mark_down(backend: str, cooldown: float) -> None:
    if cooldown > 0:
        with _lock:
            _down_until[backend] = time.monotonic() + cooldown


def _run(queryset, query, method: str, backend: str, evaluate: Callable, kwargs: dict) -> Any:
    results = getattr(queryset, method)(query, backend=backend, **kwargs)
    return evaluate(results)


def search_with_fallback(
    queryset,
    query,
    *,
    evaluate: Callable[[Any], Any] = list,
    backend: str = "default",
    fallback: str = "database",
    method: str = "search",
    cooldown: float = DEFAULT_COOLDOWN,
    **kwargs,
) -> Any:
    """``evaluate(queryset.<method>(query, backend=backend, **kwargs))``, falling back.

    ``method`` is ``"search"`` or ``"autocomplete"``. When the primary backend raises one
    of :func:`search_errors`, a warning is logged and the same search is evaluated on
    ``fallback``. If the primary is the fallback, or no Elasticsearch client is
    installed, the search runs once and errors propagate.
    """
    errors = search_errors()
    if backend == fallback or not errors:
        return _run(queryset, query, method, backend, evaluate, kwargs)

    failure: BaseException | None = None
    if not is_down(backend):
        try:
            return _run(queryset, query, method, backend, evaluate, kwargs)
        except errors as exc:
            failure = exc
            _mark_down(backend, cooldown)
            logger.warning(
                "Search backend %r unavailable (%s: %s); answering %r from %r",
                backend,
                type(exc).__name__,
                exc,
                query,
                fallback,
            )
    else:
        logger.warning(
            "Search backend %r marked unavailable; answering %r from %r", backend, query, fallback
        )
    try:
        return _run(queryset, query, method, fallback, evaluate, kwargs)
    except InvalidSearchBackendError:
        # No fallback configured: the primary's error is the one worth seeing.
        if failure is not None:
            raise failure from None
        raise
