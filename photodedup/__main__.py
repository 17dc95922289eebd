from photodedup.gui.app import main

raise SystemExit(main())
