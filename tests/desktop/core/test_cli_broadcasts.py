"""``hai-desktop broadcasts`` / ``broadcast show|ack``: the stored inbox from the command line."""

from __future__ import annotations

import json

from hai_desktop import cli
from hai_desktop.core import broadcasts, outbox
from hai_desktop.core.db.database import open_database
from tests.desktop.core.broadcast_fixtures import Signer, sign_in_as_cso


def _run(capsys, paths, *args: str) -> tuple[int, str]:
    code = cli.main(["--data-dir", str(paths.data_dir), *args])
    return code, capsys.readouterr().out


def test_list_show_ack_json(db, paths, capsys):
    signer = Signer()
    sign_in_as_cso(signer)
    normal = signer.item()
    urgent = signer.item(urgency="urgent", title="Gangguan SPAN")
    altered = signer.item(title="Diubah nanti")
    with db.atomic():
        broadcasts.apply_feed([normal, urgent, altered])
    db.execute_sql("UPDATE broadcast SET body = 'lain' WHERE id = ?", (altered["id"],))
    broadcasts.mark_read(normal["id"])
    db.close()

    code, out = _run(capsys, paths, "broadcasts", "--json")
    assert code == cli.EXIT_OK
    items = {i["id"]: i for i in json.loads(out)}
    assert set(items) == {normal["id"], urgent["id"], altered["id"]}
    for key in (
        "id",
        "number",
        "kind",
        "title",
        "urgency",
        "verified",
        "read_at",
        "acknowledged_at",
        "outage_status",
    ):
        assert all(key in i for i in items.values()), key
    assert items[urgent["id"]]["verified"] is True
    assert items[altered["id"]]["verified"] is False
    assert items[urgent["id"]]["urgency"] == "urgent"

    code, out = _run(capsys, paths, "broadcasts", "--unread", "--json")
    assert {i["id"] for i in json.loads(out)} == {urgent["id"], altered["id"]}

    code, out = _run(capsys, paths, "broadcast", "show", urgent["id"], "--json")
    shown = json.loads(out)
    assert code == cli.EXIT_OK and shown["body"] == urgent["body"]
    assert shown["read_at"] is None  # a script looking is not a read receipt

    assert _run(capsys, paths, "broadcast", "ack", urgent["id"])[0] == cli.EXIT_OK
    code, out = _run(capsys, paths, "broadcast", "show", urgent["id"], "--json")
    shown = json.loads(out)
    assert shown["acknowledged_at"] and shown["read_at"]
    assert _run(capsys, paths, "broadcast", "ack", urgent["id"])[0] == cli.EXIT_OK  # idempotent
    assert _run(capsys, paths, "broadcast", "show", "nope")[0] == cli.EXIT_FAILED

    # The acknowledgement is queued once for the hub (the sync engine sends it).
    reopened = open_database(paths.database)
    queued = [r.record_id for r in outbox.pending(record_type=broadcasts.RECEIPT_RECORD_TYPE)]
    assert sorted(queued) == sorted([normal["id"], urgent["id"]])
    reopened.close()


def test_key_accept_needs_the_new_keys_fingerprint(db, paths, capsys):
    from hai_desktop.core import broadcasts_verify as verify
    from tests.desktop.core.broadcast_fixtures import HUB_URL

    signer = Signer()
    sign_in_as_cso(signer)
    new = Signer()
    assert verify.pin(new.public_b64, HUB_URL) == "changed"
    item = new.item()
    with db.atomic():
        broadcasts.apply_feed([item])
    db.close()

    code, out = _run(capsys, paths, "broadcast", "key")
    assert code == cli.EXIT_OK
    assert verify.fingerprint(signer.public_b64) in out
    assert verify.fingerprint(new.public_b64) in out
    code, out = _run(capsys, paths, "broadcast", "key", "--accept", "0000 1111 2222")
    assert code == cli.EXIT_FAILED and "tidak cocok" in out
    code, out = _run(
        capsys, paths, "broadcast", "key", "--accept", verify.fingerprint(new.public_b64)
    )
    assert code == cli.EXIT_OK and "1 siaran" in out
    code, out = _run(capsys, paths, "broadcasts", "--json")
    assert [i["verified"] for i in json.loads(out)] == [True]
    code, out = _run(
        capsys, paths, "broadcast", "key", "--accept", verify.fingerprint(new.public_b64)
    )
    assert code == cli.EXIT_FAILED  # nothing new to accept
