from radiculog.cli import main

raise SystemExit(main())
