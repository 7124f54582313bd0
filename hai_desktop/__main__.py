from hai_desktop.cli import main

raise SystemExit(main())
