from scripts.k8s.render import main

raise SystemExit(main())
