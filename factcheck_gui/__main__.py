from factcheck_gui.cli import main

raise SystemExit(main())
