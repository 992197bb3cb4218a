"""The answer to ``initialize``, known before the LSP stack is imported.

Importing pygls means importing ``lsprotocol.types``, whose hundreds of
attrs classes take about 250 ms to build: alone close to the 300 ms an
editor should wait for ``initialize``. Yet the answer does not need them.
For pyiq's fixed set of features, the only parts of pygls' answer that
depend on the client are the negotiated position encoding, whether
``willSave``/``willSaveWaitUntil`` are spelled out (``false``, as pyiq
handles neither, when the client named them) and whether notebook sync is
announced (only to clients with notebook capabilities), so the answer
is stored in ``initialize.json`` (written by pygls itself: ``python -m
pyiq.lsp.initialize``) and sent as soon as the request has been read. pygls
then handles the same request as usual once it is loaded, and its own
response is compared with the one sent and dropped (see
:mod:`pyiq.lsp.stdio`). A test holds the stored answer equal to pygls'
for a range of clients.

Nothing here imports pygls or lsprotocol, except :func:`pygls_result`.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyiq import __version__

log = logging.getLogger(__name__)

RESULT_FILE = Path(__file__).with_name("initialize.json")
ENCODINGS = ("utf-8", "utf-16", "utf-32")
DEFAULT_ENCODING = "utf-16"


def position_encoding(params: Mapping[str, Any]) -> str:
    """The client's first preferred encoding that pygls supports, as pygls picks it."""
    general = (params.get("capabilities") or {}).get("general") or {}
    for encoding in general.get("positionEncodings") or ():
        if encoding in ENCODINGS:
            return encoding
    return DEFAULT_ENCODING


def _with_client(template: dict[str, Any], params: Mapping[str, Any]) -> dict[str, Any]:
    result = json.loads(json.dumps(template))
    result["capabilities"]["positionEncoding"] = position_encoding(params)
    text = params["capabilities"].get("textDocument") or {}
    sync = text.get("synchronization") or {}
    for key in ("willSave", "willSaveWaitUntil"):
        if sync.get(key) is not None:
            result["capabilities"]["textDocumentSync"][key] = False
    # pygls announces notebook sync only to clients that can do it.
    if params["capabilities"].get("notebookDocument") is None:
        result["capabilities"].pop("notebookDocumentSync", None)
    result.setdefault("serverInfo", {})["version"] = __version__
    return result


def early_result(params: object) -> dict[str, Any] | None:
    """The result pygls will compute for these ``initialize`` params; None when unsure."""
    if not isinstance(params, Mapping) or not isinstance(params.get("capabilities"), Mapping):
        return None
    try:
        template = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
        return _with_client(template, params)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        log.warning("no stored initialize answer; pygls answers itself", exc_info=True)
        return None


def pygls_result(params: Mapping[str, Any]) -> dict[str, Any]:
    """The result pygls computes for ``params``, from a server created in this process."""
    from pyiq.lsp.server import create_server

    server = create_server()
    written: list[bytes] = []

    class Capture:
        def write(self, data: bytes) -> None:
            written.append(data)

        def close(self) -> None:
            pass

    server.protocol.set_writer(Capture(), include_headers=False)
    message = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
    server.protocol.handle_message(
        json.loads(json.dumps(message), object_hook=server.protocol.structure_message)
    )
    for data in written:
        response = json.loads(data)
        if response.get("id") == 1:
            return response["result"]
    raise RuntimeError(f"pygls did not answer initialize: {written!r}")


def stored_template() -> dict[str, Any]:
    """What ``initialize.json`` should hold: pygls' answer without the per-client parts."""
    capabilities = {"notebookDocument": {"synchronization": {}}}
    result = pygls_result({"processId": None, "capabilities": capabilities})
    result["capabilities"].pop("positionEncoding", None)
    result.get("serverInfo", {}).pop("version", None)
    return result


def main() -> int:
    text = json.dumps(stored_template(), indent=2, sort_keys=True) + "\n"
    RESULT_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {RESULT_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
