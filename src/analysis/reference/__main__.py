"""`python -m analysis.reference [DIR]`: write data/reference (see analysis.reference.generate)."""

from analysis.reference.generate import main

raise SystemExit(main())
