"""Schemathesis hooks for the collector (loaded through SCHEMATHESIS_HOOKS by scripts/fuzz-collector).

The collector takes an `Idempotency-Key` only when it equals the single rating's `id`, a rule
between a header and the body that OpenAPI cannot state: a real client (our widget) sends it so,
and so do these requests. A batch (an array) is sent without it.
"""

import schemathesis


@schemathesis.hook
def map_case(context, case):
    if case.operation.method.upper() == "POST" and case.operation.path == "/v1/ratings":
        headers = dict(case.headers or {})
        headers.pop("Idempotency-Key", None)
        rating_id = case.body.get("id") if isinstance(case.body, dict) else None
        # A header carries Latin-1 only: an id that cannot be sent is left to the body's check.
        if isinstance(rating_id, str) and rating_id.isascii() and rating_id.isprintable():
            headers["Idempotency-Key"] = rating_id
        case.headers = headers
    return case
