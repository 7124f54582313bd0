"""HAI Hub: the central service of the HAI-DJPBN helpdesk (FastAPI + peewee).

The contract with the desk app is ``shared/design/API.md``. Layout: ``main`` (app factory),
``settings`` (environment variables, documented there), ``api/`` (routers per resource,
dependencies), ``services/`` (the rules), ``store/`` (peewee models, migrations, change
numbers), ``security`` (Argon2, tokens), ``cli`` (``hai-central``).

Quick start::

    export HAI_DATA_DIR=/var/lib/hai-hub                 # SQLite file, attachments, signing key
    export HAI_BOOTSTRAP_ADMIN_EMAIL=admin@kemenkeu.go.id HAI_BOOTSTRAP_ADMIN_PASSWORD=...
    hai-central serve --host 127.0.0.1 --port 8750 [--workers 2]
    hai-central admin offices import hai_contract/reference/reference.json
    hai-central admin users add cso@kemenkeu.go.id "Nama" cso KPPN-BANDA-ACEH --password-env PW
    hai-central admin kb import kb.json                   # JSON list of KbEntry, or .xlsx

In-process (tests, demo mode)::

    from hai_central.main import create_app
    from hai_central.settings import Settings
    app = create_app(Settings(data_dir=tmp, bootstrap_admin_email=..., bootstrap_admin_password=...))
    # then TestClient(app), or uvicorn.Server(uvicorn.Config(app, port=...)).run() in a thread
"""

__version__ = "0.1.0"
